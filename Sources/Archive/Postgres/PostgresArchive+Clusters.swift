import Foundation

/// Cluster views on PostgreSQL (`ClusterReader`), read in one REPEATABLE READ transaction,
/// so a listing built from many queries agrees with itself while workers write.
extension PostgresArchive: ClusterStore, ClusterReader {
    public func readClusters<T>(_ body: (any ClusterReader) throws -> T) throws -> T {
        try db.transaction {
            try db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body(self)
        }
    }

    public func clusters(minSize: Int) throws(ArchiveError) -> [ClusterSummary] {
        try summaries(where: "TRUE", [.int(Int64(minSize))])
    }

    public func cluster(_ id: Int64) throws(ArchiveError) -> ClusterSummary {
        guard let summary = try summaries(where: "c.id = $2", [.int(1), .int(id)]).first else { throw .notFound("cluster \(id)") }
        return summary
    }

    /// `arguments[0]` is the smallest size; the condition's own parameters follow.
    private func summaries(where condition: String, _ arguments: [PostgresConnection.Value]) throws(ArchiveError) -> [ClusterSummary] {
        try db.query("""
            SELECT c.id, c.canonical_document_id, c.created_at, count(d.id),
                   (SELECT title FROM documents WHERE id = c.canonical_document_id),
                   (SELECT string_agg(DISTINCT m.relation, ',') FROM documents m WHERE m.cluster_id = c.id AND m.relation <> 'canonical'),
                   (SELECT count(DISTINCT s.source_id) FROM sightings s JOIN documents m ON m.id = s.document_id WHERE m.cluster_id = c.id)
            FROM clusters c JOIN documents d ON d.cluster_id = c.id
            WHERE \(condition) GROUP BY c.id HAVING count(d.id) >= $1 ORDER BY count(d.id) DESC, c.id
            """, arguments).map { r in
            ClusterSummary(id: r.int(0)!, size: Int(r.int(3)!), canonicalDocumentID: r.int(1)!, title: r.text(4), firstSeen: r.date(2)!,
                           relations: (r.text(5)?.split(separator: ",").map(String.init) ?? []).sorted(), sources: Int(r.int(6)!))
        }
    }

    public func clusterMembers(_ clusterID: Int64) throws(ArchiveError) -> [ClusterMember] {
        let docs = try db.query("""
            SELECT id, title, relation, first_seen_at, published FROM documents WHERE cluster_id = $1
            ORDER BY relation <> 'canonical', id
            """, [.int(clusterID)])
        guard !docs.isEmpty else { throw .notFound("cluster \(clusterID)") }
        return try docs.map { r throws(ArchiveError) in
            let id = r.int(0)!
            // Each in the order first seen.
            let urls = try db.query("""
                SELECT url FROM (SELECT s.url, min(s.id) AS first FROM sightings s WHERE s.document_id = $1 GROUP BY s.url) u ORDER BY first
                """, [.int(id)]).compactMap { $0.text(0) }
            let sources = try db.query("""
                SELECT so.url FROM (SELECT source_id, min(id) AS first FROM sightings WHERE document_id = $1 GROUP BY source_id) s
                JOIN sources so ON so.id = s.source_id ORDER BY s.first
                """, [.int(id)]).compactMap { $0.text(0) }
            let evidence = try db.query("""
                SELECT r.other_id, r.kind, r.jaccard, r.containment, r.passages FROM relations r JOIN documents o ON o.id = r.other_id
                WHERE r.document_id = $1 AND o.cluster_id = $2 ORDER BY o.relation <> 'canonical', r.other_id LIMIT 1
                """, [.int(id), .int(clusterID)]).first.map { e in
                RelationEvidence(otherID: e.int(0)!, kind: e.text(1)!, jaccard: e.double(2)!, containment: e.double(3)!, passagesJSON: e.text(4)!)
            }
            return ClusterMember(documentID: id, title: r.text(1), relation: r.text(2)!, firstSeen: r.date(3)!, published: r.date(4),
                                 sources: sources, urls: urls, evidence: evidence)
        }
    }

    public func text(ofDocument id: Int64) throws(ArchiveError) -> String {
        guard let r = try db.query("SELECT text, text_size FROM documents WHERE id = $1", [.int(id)]).first else {
            throw .notFound("document \(id)")
        }
        return String(decoding: try ZlibCodec.decompress(r.bytes(0)!, expectedSize: Int(r.int(1)!)), as: UTF8.self)
    }
}
