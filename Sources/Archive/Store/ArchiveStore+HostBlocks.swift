import GRDB

/// The per-host paragraph counts behind `HostTemplate` learning.
extension ArchiveStore {
    public func hostTemplateBlocks(host: String, minPages: Int) throws(ArchiveError) -> Set<UInt64> {
        try read { db in try Self.hostTemplateBlocks(host: host, minPages: minPages, db) }
    }

    public func recordHostBlocks(host: String, url: String, hashes: [UInt64]) throws(ArchiveError) {
        try write { db in try Self.recordHostBlocks(host: host, url: url, hashes: hashes, db) }
    }

    static func hostTemplateBlocks(host: String, minPages: Int, _ db: Database) throws -> Set<UInt64> {
        let rows = try Int64.fetchAll(db.cachedStatement(sql: "SELECT hash FROM host_blocks WHERE host = ? AND pages >= ?"), arguments: [host, minPages])
        return Set(rows.map { UInt64(bitPattern: $0) })
    }

    static func recordHostBlocks(host: String, url: String, hashes: [UInt64], _ db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO host_blocks (host, hash, pages, last_url) VALUES (?, ?, 1, ?)
            ON CONFLICT (host, hash) DO UPDATE SET pages = pages + (last_url <> excluded.last_url), last_url = excluded.last_url
            """)
        for hash in hashes { try upsert.execute(arguments: [host, Int64(bitPattern: hash), url]) }
    }
}
