import GRDB

extension ArchiveStore {
    /// Makes a document that has just joined a cluster its canonical when it is the older:
    /// published earlier than the canonical when both have a publication date, else first
    /// seen earlier. So a wire original that arrives after its republishes becomes the
    /// canonical that `clusters show`, `export` and `dedup` give.
    ///
    /// Guarantees: the cluster keeps its id; the former canonical takes the relation the
    /// newcomer has to it (the newcomer's relation to the cluster when it has none); a tie
    /// keeps the canonical. `dedup`'s in-memory index applies the same rule (`MemoryIndex`).
    static func takeOverIfOlder(_ documentID: Int64, relations: [RelationInput], _ db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.cluster_id, d.relation, c.canonical_document_id
            FROM documents d JOIN clusters c ON c.id = d.cluster_id
            JOIN documents k ON k.id = c.canonical_document_id
            WHERE d.id = ? AND k.id <> d.id
              AND CASE WHEN d.published IS NOT NULL AND k.published IS NOT NULL THEN d.published < k.published
                       ELSE d.first_seen_at < k.first_seen_at END
            """), arguments: [documentID]) else { return }
        let cluster: Int64 = row[0], own: String = row[1], former: Int64 = row[2]
        let formerRelation = relations.first { $0.otherID == former }?.kind ?? own
        try db.cachedStatement(sql: "UPDATE clusters SET canonical_document_id = ? WHERE id = ?")
            .execute(arguments: [documentID, cluster])
        try db.cachedStatement(sql: "UPDATE documents SET relation = ? WHERE id = ?").execute(arguments: ["canonical", documentID])
        try db.cachedStatement(sql: "UPDATE documents SET relation = ? WHERE id = ?").execute(arguments: [formerRelation, former])
    }
}
