import Foundation

/// `clusters rebuild` on PostgreSQL: the replay `ArchiveStore.rebuildClusters` does, in one
/// transaction holding the write lock, so readers see the old clusters until the new ones
/// are complete and no worker writes meanwhile. Postings go back in id order as each
/// document is decided, so every decision sees only the documents before it.
extension PostgresArchive: ClusterRebuilder {
    public func rebuildClusters(
        indexScheme: String, _ decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> Int {
        try inTransaction { _ in
            try clearDerivedRows()
            return try replay(indexScheme: indexScheme, decide)
        }
    }

    /// Drops relations, postings and clusters (each document its own canonical until replayed).
    func clearDerivedRows() throws(ArchiveError) {
        try db.execute("""
            DELETE FROM relations; DELETE FROM postings; UPDATE documents SET cluster_id = id, relation = 'canonical';
            DELETE FROM clusters
            """)
    }

    /// Decides every document again in id order, with keys of `indexScheme`, inside the open
    /// transaction, after `clearDerivedRows`: the body of `rebuildClusters` and `renormalize`.
    func replay(
        indexScheme: String, _ decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> Int {
        try db.execute("""
            INSERT INTO archive_settings VALUES ('index_scheme', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """, [.text(indexScheme)])
        let ids = try db.query("SELECT id FROM documents ORDER BY id").map { $0.int(0)! }
        for id in ids {
            guard let row = try db.query("SELECT text, text_size, first_seen_at FROM documents WHERE id = $1", [.int(id)]).first else {
                continue
            }
            let text = String(decoding: try ZlibCodec.decompress(row.bytes(0)!, expectedSize: Int(row.int(1)!)), as: UTF8.self)
            let decision = try decide(self, id, text)
            switch decision.cluster {
            case .ownCluster:
                try db.execute("INSERT INTO clusters VALUES ($1, $1, $2)", [.int(id), .date(row.date(2)!)])
            case let .join(cluster, relation):
                try db.execute("UPDATE documents SET cluster_id = $1, relation = $2 WHERE id = $3", [.int(cluster), .text(relation), .int(id)])
            }
            try insertRelations(decision.relations, from: id)
            if decision.cluster != .ownCluster { try takeOverIfOlder(id, relations: decision.relations) }
            try insertPostings(id, bandKeys: decision.bandKeys, passageHashes: decision.passageHashes)
        }
        return Int(try db.query("SELECT count(*) FROM clusters").first?.int(0) ?? 0)
    }
}
