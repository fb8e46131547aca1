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
                archiveFileBytes: fileBytes)
        }
    }
}
