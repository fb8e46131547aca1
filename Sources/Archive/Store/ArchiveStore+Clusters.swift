import Foundation
import GRDB

extension ArchiveStore {
    /// Clusters with at least `minSize` documents, largest first, then oldest first.
    public func clusters(minSize: Int = 2) throws(ArchiveError) -> [ClusterSummary] {
        try read { db in try Self.summaries(db, where: "1", having: minSize, arguments: []) }
    }

    /// One cluster's summary (for `ArchiveSnapshot`).
    static func cluster(_ id: Int64, _ db: Database) throws -> ClusterSummary {
        guard let summary = try summaries(db, where: "c.id = ?", having: 1, arguments: [id]).first else {
            throw ArchiveError.notFound("cluster \(id)")
        }
        return summary
    }

    static func summaries(_ db: Database, where condition: String, having minSize: Int,
                          arguments: StatementArguments) throws -> [ClusterSummary] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.id, c.canonical_document_id, c.created_at, COUNT(d.id) AS size,
                   (SELECT title FROM documents WHERE id = c.canonical_document_id) AS title,
                   (SELECT GROUP_CONCAT(DISTINCT m.relation) FROM documents m
                     WHERE m.cluster_id = c.id AND m.relation != 'canonical') AS relations,
                   (SELECT COUNT(DISTINCT s.source_id) FROM sightings s JOIN documents m ON m.id = s.document_id
                     WHERE m.cluster_id = c.id) AS sources
            FROM clusters c JOIN documents d ON d.cluster_id = c.id
            WHERE \(condition)
            GROUP BY c.id HAVING size >= ?
            ORDER BY size DESC, c.id
            """), arguments: arguments + [minSize])
        return rows.map { row in
            let relations = (row["relations"] as String?)?.split(separator: ",").map(String.init) ?? []
            return ClusterSummary(id: row["id"], size: row["size"], canonicalDocumentID: row["canonical_document_id"],
                                  title: row["title"], firstSeen: row["created_at"], relations: relations.sorted(),
                                  sources: row["sources"])
        }
    }

    /// The members of one cluster, canonical first, with the evidence for each (for `ArchiveSnapshot`).
    static func members(ofCluster clusterID: Int64, _ db: Database) throws -> [ClusterMember] {
        // Cached statements: `clusters list --members` asks this once per cluster.
        let docs = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, title, relation, first_seen_at, published FROM documents WHERE cluster_id = ?
            ORDER BY relation != 'canonical', id
            """), arguments: [clusterID])
        guard !docs.isEmpty else { throw ArchiveError.notFound("cluster \(clusterID)") }
        return try docs.map { row in
            let id: Int64 = row["id"]
            let urls = try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT COALESCE(s.url, c.final_url) FROM sightings s JOIN captures c ON c.id = s.capture_id
                WHERE s.document_id = ? ORDER BY s.id
                """), arguments: [id])
            let sources = try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT so.url FROM sightings s JOIN sources so ON so.id = s.source_id
                WHERE s.document_id = ? ORDER BY s.id
                """), arguments: [id])
            let evidence = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT r.* FROM relations r JOIN documents o ON o.id = r.other_id
                WHERE r.document_id = ? AND o.cluster_id = ?
                ORDER BY o.relation != 'canonical', r.other_id LIMIT 1
                """), arguments: [id, clusterID]).map(Self.evidence)
            return ClusterMember(documentID: id, title: row["title"], relation: row["relation"],
                                 firstSeen: row["first_seen_at"], published: row["published"], sources: sources,
                                 urls: urls, evidence: evidence)
        }
    }

    static func evidence(_ row: Row) -> RelationEvidence {
        RelationEvidence(otherID: row["other_id"], kind: row["kind"], jaccard: row["jaccard"],
                         containment: row["containment"], passagesJSON: row["passages"])
    }
}
