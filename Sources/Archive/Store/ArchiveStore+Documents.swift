import Foundation
import GRDB

extension ArchiveStore {
    /// One document with text and provenance.
    public func document(_ id: Int64) throws(ArchiveError) -> DocumentDetail {
        try read { db in try Self.document(id, db) }
    }

    /// One document, whole (for `document(_:)` and `ArchiveSnapshot`).
    static func document(_ id: Int64, _ db: Database) throws -> DocumentDetail {
        guard let record = try DocumentRecord.fetchOne(db, key: id) else { throw ArchiveError.notFound("document \(id)") }
        return try detail(record, db)
    }

    /// One document's text alone (for `ArchiveSnapshot`).
    static func text(ofDocument id: Int64, _ db: Database) throws -> String {
        guard let record = try DocumentRecord.fetchOne(db, key: id) else { throw ArchiveError.notFound("document \(id)") }
        return try text(of: record, db)
    }

    static func detail(_ record: DocumentRecord, _ db: Database) throws -> DocumentDetail {
        // A prepared statement and columns by position: an export runs this for every
        // document, so neither the statement nor the column names are looked up again.
        let sightings = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT so.url, so.kind, s.entry_key, COALESCE(s.url, c.final_url), c.final_url,
                   COALESCE(s.seen_at, c.fetched_at), c.status, c.etag,
                   c.last_modified, c.id, c.body_sha256
            FROM sightings s JOIN sources so ON so.id = s.source_id JOIN captures c ON c.id = s.capture_id
            WHERE s.document_id = ? ORDER BY s.id
            """), arguments: [record.id]).map { row in
            SightingDetail(source: row[0], sourceKind: row[1], entryKey: row[2], url: row[3], finalURL: row[4], seenAt: row[5],
                           status: row[6], etag: row[7], lastModified: row[8], captureID: row[9], captureSHA256: row[10])
        }
        return DocumentDetail(
            id: record.id!, cluster: record.clusterID ?? record.id!, relation: record.relation, title: record.title,
            published: record.published, language: record.language, siteName: record.siteName,
            canonicalURL: record.canonicalURL, contentHash: record.contentHash, firstSeen: record.firstSeenAt,
            wordCount: record.wordCount, normalizerVersion: record.normalizerVersion, text: try Self.text(of: record, db), sightings: sightings)
    }
}
