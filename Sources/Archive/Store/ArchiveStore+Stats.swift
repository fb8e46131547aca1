import Foundation
import GRDB

extension ArchiveStore {
    public func stats() throws(ArchiveError) -> ArchiveStats {
        let fileBytes = ["", "-wal"].reduce(0) { sum, suffix in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        return try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let kinds = try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) AS n FROM relations GROUP BY kind")
            let relations = try Row.fetchAll(db, sql: "SELECT relation, COUNT(*) AS n FROM documents GROUP BY relation")
            let sizes = try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM documents GROUP BY cluster_id HAVING COUNT(*) > 1")
            return ArchiveStats(
                sources: try count("SELECT COUNT(*) FROM sources"),
                captures: try count("SELECT COUNT(*) FROM captures"),
                documents: try count("SELECT COUNT(*) FROM documents"),
                sightings: try count("SELECT COUNT(*) FROM sightings"),
                clusters: try count("SELECT COUNT(*) FROM clusters"),
                multiDocumentClusters: sizes.count,
                documentsInMultiDocumentClusters: sizes.reduce(0, +),
                relationsByKind: Dictionary(uniqueKeysWithValues: kinds.map { ($0["kind"], $0["n"]) }),
                documentsByRelation: Dictionary(uniqueKeysWithValues: relations.map { ($0["relation"], $0["n"]) }),
                rawTextBytes: try count("SELECT COALESCE(SUM(text_size), 0) FROM documents"),
                compressedTextBytes: try count("SELECT COALESCE(SUM(LENGTH(text)), 0) FROM documents"),
                rawCaptureBytes: try count("SELECT COALESCE(SUM(body_size), 0) FROM captures"),
                compressedCaptureBytes: try count("SELECT COALESCE(SUM(LENGTH(body)), 0) FROM captures"),
                archiveFileBytes: fileBytes,
                words: try count("SELECT COALESCE(SUM(word_count), 0) FROM documents"),
                duplicateIndexBytes: try Self.pageBytes(of: ["index_blocks", "index_segments"], db),
                searchIndexBytes: try Self.pageBytes(of: try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'documents\\_fts%' ESCAPE '\\'
                    """), db))
        }
    }

    /// The bytes of the pages that these tables and their indexes fill, from SQLite's
    /// `dbstat` table (Debian's SQLite has it); where it is missing, the bytes of their
    /// blobs and values as stored, a lower bound.
    private static func pageBytes(of tables: [String], _ db: Database) throws -> Int {
        guard !tables.isEmpty else { return 0 }
        let list = tables.map { "'\($0)'" }.joined(separator: ",")
        if let bytes = try? Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name IN (\(list)))
            """) {
            return bytes
        }
        var total = 0
        for table in tables {
            let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0[0] as String }
            let sum = columns.map { "COALESCE(LENGTH(\"\($0)\"), 8)" }.joined(separator: " + ")
            total += try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(\(sum)), 0) FROM \"\(table)\"") ?? 0
        }
        return total
    }
}
