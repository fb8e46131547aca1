import GRDB

extension ArchiveSchema {
    /// The migrations the archive still needs, after checking that it is an ingestd archive
    /// this version can open: a file with no tables is a new archive (refused `readOnly`),
    /// one with tables but no migration record is another program's, and one with a
    /// migration this version does not know was written by a newer ingestd.
    static func pendingMigrations(_ db: Database, path: String, readOnly: Bool) throws -> [String] {
        let known = migrator.migrations
        guard try db.tableExists("grdb_migrations") else {
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if !tables.isEmpty {
                throw ArchiveError.notAnArchive(path: path, reason: "it holds tables (\(tables.prefix(5).joined(separator: ", "))) but no ingestd schema")
            }
            if readOnly { throw ArchiveError.notAnArchive(path: path, reason: "it is empty") }
            return known
        }
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty { throw ArchiveError.newerSchema(path: path, unknown: unknown) }
        return known.filter { !applied.contains($0) }
    }
}
