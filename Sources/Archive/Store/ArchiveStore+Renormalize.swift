import Foundation
import GRDB

extension ArchiveStore: Renormalizing {
    /// Reads every document first seen at or after `since` (all when nil) again from the capture
    /// it was first seen through, stores the new text where it differs, then replays relations
    /// and clusters like `rebuildClusters` (with keys of `indexScheme`).
    ///
    /// Guarantees: one transaction, so a crash or error leaves the archive as it was; captures,
    /// sightings and entries are never lost: when a new text equals another document's, the
    /// document's sightings and entries move to that one before it goes; `reread` returning nil
    /// or an empty text keeps the stored text.
    public func renormalize(
        since: Date?,
        indexScheme: String,
        reread: (any ArchiveWriter, StoredCapture) throws -> RenormalizedText?,
        decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> RenormalizeSummary {
        try write { db in
            try Self.clearDerivedRows(db)
            let session = WriteSession(db)
            var summary = RenormalizeSummary()
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM documents WHERE first_seen_at >= ? ORDER BY id",
                                         arguments: [since ?? Date.distantPast])
            for id in ids {
                guard let record = try DocumentRecord.fetchOne(db, key: id), let capture = try Self.firstCapture(of: id, db) else { continue }
                summary.examined += 1
                guard let new = try reread(session, capture), !new.text.isEmpty, new.contentHash != record.contentHash else { continue }
                if let other = try Self.documentID(contentHash: new.contentHash, db) {
                    try Self.merge(id, into: other, db)
                    summary.merged += 1
                } else {
                    let bytes = Data(new.text.utf8)
                    // With the shared dictionary, as a new text (its cluster is decided again below).
                    let blob = try Self.encodeText(bytes, dictionary: try Self.newestDictionary(db), joining: .ownCluster, db).blob
                    try Self.unindexForSearch(id, db)
                    try Self.detachTexts(basedOn: id, db)
                    try db.execute(sql: """
                        UPDATE documents SET text = ?, text_size = ?, word_count = ?, content_hash = ?, title = ?, published = ?,
                            language = ?, site_name = ?, canonical_url = ?, normalizer_version = ?, text_base_id = NULL WHERE id = ?
                        """, arguments: [blob, bytes.count, new.wordCount, new.contentHash, new.title,
                                         new.published, new.language, new.siteName, new.canonicalURL, new.normalizerVersion, id])
                    try Self.indexForSearch(id, title: new.title, text: new.text, db)
                    summary.changed += 1
                }
            }
            summary.clusters = try Self.replay(indexScheme: indexScheme, { try decide($0, $1, $2) }, db)
            return summary
        }
    }

    private static func firstCapture(of documentID: Int64, _ db: Database) throws -> StoredCapture? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.body, c.body_size, c.content_type, c.final_url FROM sightings s JOIN captures c ON c.id = s.capture_id
            WHERE s.document_id = ? ORDER BY s.id LIMIT 1
            """, arguments: [documentID]) else { return nil }
        let body = try decodeCapture(row["body"], size: row["body_size"], db)
        return StoredCapture(body: body, contentType: row["content_type"], finalURL: row["final_url"])
    }

    /// Moves a document's sightings and entries to `other`, then deletes it.
    private static func merge(_ id: Int64, into other: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE OR IGNORE sightings SET document_id = ? WHERE document_id = ?", arguments: [other, id])
        try db.execute(sql: "DELETE FROM sightings WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "UPDATE entries SET document_id = ? WHERE document_id = ?", arguments: [other, id])
        try unindexForSearch(id, db)
        try detachTexts(basedOn: id, db)
        try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
    }
}
