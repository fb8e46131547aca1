import GRDB

extension ArchiveStore {
    /// Calls `body` for every sighting in the order it was archived, streaming.
    public func forEachMembership(_ body: (Membership) throws -> Void) throws(ArchiveError) {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT s.entry_key, so.kind, s.document_id, d.cluster_id,
                       CASE WHEN s.id = (SELECT MIN(f.id) FROM sightings f WHERE f.document_id = s.document_id)
                            THEN d.relation ELSE 'exact' END AS relation
                FROM sightings s JOIN documents d ON d.id = s.document_id JOIN sources so ON so.id = s.source_id
                ORDER BY s.id
                """)
            while let row = try cursor.next() {
                try body(Membership(entryKey: row[0], sourceKind: row[1], documentID: row[2], clusterID: row[3], relation: row[4]))
            }
        }
    }
}
