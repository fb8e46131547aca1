import Foundation

/// `renormalize` on PostgreSQL: what `ArchiveStore.renormalize` does, in one transaction
/// holding the write lock. A document whose capture kept no body (restored from a JSONL
/// export) keeps its text.
extension PostgresArchive: Renormalizing {
    public func renormalize(
        since: Date?,
        indexScheme: String,
        reread: (any ArchiveWriter, StoredCapture) throws -> RenormalizedText?,
        decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> RenormalizeSummary {
        try inTransaction { _ in
            try clearDerivedRows()
            var summary = RenormalizeSummary()
            let ids = try db.query("SELECT id FROM documents WHERE first_seen_at >= $1 ORDER BY id", [.date(since ?? .distantPast)])
                .map { $0.int(0)! }
            for id in ids {
                guard let row = try db.query("""
                    SELECT d.content_hash, c.body, c.body_size, c.content_type, c.final_url, c.body_kept
                    FROM documents d JOIN sightings s ON s.document_id = d.id JOIN captures c ON c.id = s.capture_id
                    WHERE d.id = $1 ORDER BY s.id LIMIT 1
                    """, [.int(id)]).first else { continue }
                summary.examined += 1
                guard row.bool(5) == true else { continue }
                let capture = StoredCapture(body: try ZlibCodec.decompress(row.bytes(1)!, expectedSize: Int(row.int(2)!)),
                                            contentType: row.text(3), finalURL: row.text(4)!)
                guard let new = try reread(self, capture), !new.text.isEmpty, new.contentHash != row.text(0) else { continue }
                if let other = try documentID(contentHash: new.contentHash) {
                    try merge(id, into: other)
                    summary.merged += 1
                } else {
                    let bytes = Data(new.text.utf8)
                    try db.execute("""
                        UPDATE documents SET text = $1, text_size = $2, word_count = $3, content_hash = $4, title = $5,
                            published = $6, language = $7, site_name = $8, canonical_url = $9, normalizer_version = $10,
                            search = setweight(to_tsvector($11::regconfig, coalesce($5, '')), 'A') || to_tsvector($11::regconfig, $12)
                        WHERE id = $13
                        """, [.bytes(ZlibCodec.compress(bytes)), .int(Int64(bytes.count)), .int(Int64(new.wordCount)),
                              .text(new.contentHash), optional(new.title), new.published.map(PostgresConnection.Value.date) ?? .null,
                              optional(new.language), optional(new.siteName), optional(new.canonicalURL), .text(new.normalizerVersion),
                              .text(PostgresSearch.configuration(new.language)), .text(new.text), .int(id)])
                    summary.changed += 1
                }
            }
            summary.clusters = try replay(indexScheme: indexScheme, decide)
            return summary
        }
    }

    /// Moves a document's sightings and entries to `other`, then deletes it.
    private func merge(_ id: Int64, into other: Int64) throws(ArchiveError) {
        try db.execute("""
            UPDATE sightings s SET document_id = $1 WHERE document_id = $2 AND NOT EXISTS (
                SELECT 1 FROM sightings o WHERE o.document_id = $1 AND o.source_id = s.source_id
                    AND o.capture_id = s.capture_id AND o.entry_key = s.entry_key)
            """, [.int(other), .int(id)])
        try db.execute("DELETE FROM sightings WHERE document_id = $1", [.int(id)])
        try db.execute("UPDATE entries SET document_id = $1 WHERE document_id = $2", [.int(other), .int(id)])
        try db.execute("DELETE FROM documents WHERE id = $1", [.int(id)])
    }
}
