import Foundation
import GRDB

extension ArchiveStore {
    /// What `salvage` could and could not read, by table.
    public struct SalvageReport: Sendable, Encodable {
        public struct Table: Sendable, Encodable {
            public var name: String
            /// Rows read whose stored bytes hash to their SHA-256.
            public var sound = 0
            /// Rows read whose bytes are damaged (they do not decompress or hash right).
            public var damaged: [Int64] = []
            /// Ids that could not be read at all, as ranges.
            public var unreadable: [ClosedRange<Int64>] = []
            /// Why the table could not be walked at all (its highest id is unreadable).
            public var failure: String?
        }

        public var tables: [Table] = []
        public var isClean: Bool { tables.allSatisfy { $0.damaged.isEmpty && $0.unreadable.isEmpty && $0.failure == nil } }
    }

    /// Opens a damaged archive for `salvage`: read-only, without the schema check (which
    /// may itself stand on an unreadable page), and with SQLite's `writable_schema` flag,
    /// under which a file shorter than its header says (a truncated copy) is read as far as
    /// it goes instead of refused whole. Nothing is written.
    public static func openForSalvage(path: String) throws(ArchiveError) -> ArchiveStore {
        var config = Configuration()
        config.readonly = true
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA writable_schema = ON") }
        do { return ArchiveStore(path: path, pool: try connect(path: path, configuration: config)) } catch {
            throw .cannotOpen(path: path, reason: reason(error))
        }
    }

    /// Reads documents and captures one id at a time, so that a damaged page costs only the
    /// rows on it: each row is read and checked against its SHA-256 where it can be, and the
    /// ids that cannot be read are named as ranges. The highest id comes from
    /// `sqlite_sequence`, else from the table; where neither can be read, ids are tried
    /// until `probeGap` in a row are missing or unreadable.
    static let probeGap: Int64 = 10_000

    public func salvage() -> SalvageReport {
        var report = SalvageReport()
        let tables = [
            ("documents", "SELECT content_hash, text, text_size FROM documents WHERE id = ?",
             { (row: Row, db: Database) in Self.check(size: row[2], sha256: row[0]) { try Self.decodeText(row[1], size: row[2], db) } }),
            ("captures", "SELECT body_sha256, body, body_size, body_kept FROM captures WHERE id = ?",
             { (row: Row, db: Database) in
                 row[3] as Int == 0 ? nil : Self.check(size: row[2], sha256: row[0]) { try Self.decodeCapture(row[1], size: row[2], db) }
             }),
        ]
        for (name, sql, check) in tables {
            var table = SalvageReport.Table(name: name)
            let highest = (try? pool.read { db in try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [name]) })
                ?? (try? pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(name)") }) ?? nil
            var id: Int64 = 1, lastFound: Int64 = 0
            while highest.map({ id <= $0 }) ?? (id - lastFound <= Self.probeGap) {
                let chunk = id...(highest.map { min($0, id + 999) } ?? id + 999)
                _ = try? pool.read { db in
                    for rowID in chunk {
                        do {
                            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [rowID]) else { continue }
                            lastFound = rowID
                            if check(row, db) == nil { table.sound += 1 } else { table.damaged.append(rowID) }
                        } catch {
                            if let open = table.unreadable.last, open.upperBound == rowID - 1 {
                                table.unreadable[table.unreadable.count - 1] = open.lowerBound...rowID
                            } else {
                                table.unreadable.append(rowID...rowID)
                            }
                        }
                    }
                }
                id = chunk.upperBound + 1
            }
            if highest == nil {
                // Probing ran past the end: what was unreadable after the last row found is
                // the table's unreadable end, named as such rather than as ranges.
                table.unreadable.removeAll { $0.lowerBound > lastFound }
                table.failure = "its highest id cannot be read; after id \(lastFound) nothing could be read"
            }
            report.tables.append(table)
        }
        return report
    }
}
