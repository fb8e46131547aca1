import Foundation
import GRDB

extension ArchiveStore: ClusterRebuilder {
    /// Recomputes every document's index keys, relations and cluster, replaying the archive
    /// in the order it was filled, so "earliest" keeps its meaning. The keys are then of
    /// `indexScheme`, which the archive records in place of the one it had.
    ///
    /// Guarantees: it runs in one transaction, so readers see the old clustering until the
    /// new one is complete, and a crash or error leaves the old one intact; texts, captures
    /// and sightings are never touched. `decide` is called once per document, in id order,
    /// with a session that answers candidate queries from the documents before it.
    /// Returns the number of clusters.
    public func rebuildClusters(
        indexScheme: String, _ decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> Int {
        try write { db in try Self.replay(indexScheme: indexScheme, { try decide($0, $1, $2) }, db) }
    }

    /// Drops every derived row (relations, index keys, clusters), then decides each document
    /// again in id order, with keys of `indexScheme`: the body of `rebuildClusters` and of
    /// `renormalize`.
    static func replay(
        indexScheme: String, _ decide: (WriteSession, _ documentID: Int64, _ text: String) throws -> RebuildDecision,
        _ db: Database
    ) throws -> Int {
        try clearDerivedRows(db)
        try recordIndexScheme(indexScheme, db)
        let session = WriteSession(db)
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") {
            guard let record = try DocumentRecord.fetchOne(db, key: id) else { continue }
            session.before = id
            let decision = try decide(session, id, try Self.text(of: record, db))
            _ = try Self.assignCluster(id, decision.cluster, at: record.firstSeenAt, db)
            try Self.insertRelations(decision.relations, from: id, db)
            if decision.cluster != .ownCluster { try Self.takeOverIfOlder(id, relations: decision.relations, db) }
            try Self.insertIndexKeys(bandKeys: decision.bandKeys, passageHashes: decision.passageHashes, documentID: id,
                                     into: session.pendingKeys, db)
        }
        try IndexSegments.flush(session.pendingKeys, merging: false, db)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM clusters") ?? 0
    }

    static func clearDerivedRows(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM relations; DELETE FROM index_blocks; DELETE FROM index_segments; DELETE FROM index_segments;
            UPDATE documents SET cluster_id = NULL, relation = 'canonical'; DELETE FROM clusters;
            """)
    }
}
