import Foundation
import GRDB

extension ArchiveStore {
    /// Calls `body` for every document the filter takes, in id order, through a streaming
    /// cursor so memory stays bounded whatever the archive's size. An error `body` throws
    /// stops the walk and comes out as it was; the archive's own are `ArchiveError`s.
    /// `withRecords` fills each document's `record` (its corpus line, when it came from one).
    public func forEachDocument(_ filter: ExportFilter = ExportFilter(), withRecords: Bool = false,
                                _ body: (DocumentDetail) throws -> Void) throws {
        var failure: (any Error)?
        try read { db in
            let (clause, arguments) = Self.whereClause(filter)
            let cursor = try DocumentRecord.fetchCursor(db, sql: "SELECT d.* FROM documents d WHERE \(clause) ORDER BY d.id",
                                                        arguments: arguments)
            while failure == nil, let record = try cursor.next() {
                var detail = try Self.detail(record, db)
                if withRecords { detail.record = try Self.corpusLine(of: detail.id, db) }
                do { try body(detail) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// The documents the filter takes, counted by first source, day and kind. Dates are stored
    /// as UTC text (`StorageDate`), so a day is the first ten characters.
    public func documentCounts(_ filter: ExportFilter = ExportFilter()) throws -> [DocumentCount] {
        try read { db in
            let (clause, arguments) = Self.whereClause(filter)
            return try Row.fetchAll(db, sql: """
                SELECT (SELECT so.url FROM sightings s JOIN sources so ON so.id = s.source_id
                        WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS source,
                       substr(COALESCE(d.published, d.first_seen_at), 1, 10) AS day, d.relation = 'canonical' AS original, COUNT(*)
                FROM documents d WHERE \(clause) GROUP BY source, day, original
                """, arguments: arguments).map { DocumentCount(source: $0[0], day: $0[1], isOriginal: $0[2], count: $0[3]) }
        }
    }

    /// Calls `body` for every capture through which a document the filter takes was seen,
    /// in document then capture order (a capture shared by two documents comes once per document).
    /// Errors are reported as for `forEachDocument`.
    public func forEachCapture(_ filter: ExportFilter = ExportFilter(), _ body: (CaptureExport) throws -> Void) throws {
        let (clause, arguments) = Self.whereClause(filter)
        try forEachCapture(sql: """
            SELECT \(Self.captureColumns), d.id AS document_id, d.cluster_id, d.relation
            FROM documents d JOIN sightings s ON s.document_id = d.id JOIN captures c ON c.id = s.capture_id
            WHERE \(clause) GROUP BY d.id, c.id ORDER BY d.id, c.id
            """, arguments, body)
    }

    /// Calls `body` for every kept body of a feed (`keepFeedCapture`) through which a document
    /// the filter takes was seen, fetched within the filter's dates (and after the first-seen
    /// time of its `afterID` document), in capture order.
    public func forEachFeedCapture(_ filter: ExportFilter = ExportFilter(), _ body: (CaptureExport) throws -> Void) throws {
        let (clause, documentArguments) = Self.whereClause(filter)
        var conditions = ["fc.source_id IN (SELECT s.source_id FROM sightings s JOIN documents d ON d.id = s.document_id WHERE \(clause))"]
        var arguments = documentArguments
        if let since = filter.since { conditions.append("c.fetched_at >= ?"); arguments += [since] }
        if let until = filter.until { conditions.append("c.fetched_at < ?"); arguments += [until] }
        if let after = filter.afterID {
            conditions.append("c.fetched_at > (SELECT first_seen_at FROM documents WHERE id = ?)")
            arguments += [after]
        }
        if let source = filter.source { conditions.append("so.url = ?"); arguments += [source] }
        try forEachCapture(sql: """
            SELECT \(Self.captureColumns), so.url AS feed_url
            FROM feed_captures fc JOIN captures c ON c.id = fc.capture_id JOIN sources so ON so.id = fc.source_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY c.id
            """, arguments, body)
    }

    private static let captureColumns = """
        c.id AS capture_id, COALESCE(c.requested_url, c.final_url) AS requested_url, c.final_url, c.status, c.headers,
        c.content_type, c.fetched_at, c.body, c.body_size, c.body_sha256, c.request_head, c.response_head, c.wire_body,
        c.wire_body_size
        """

    /// Streams the captures `sql` selects (`captureColumns`, then a document's or a feed's).
    private func forEachCapture(sql: String, _ arguments: StatementArguments, _ body: (CaptureExport) throws -> Void) throws {
        var failure: (any Error)?
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while failure == nil, let row = try rows.next() {
                let headers = (try? JSONDecoder().decode([[String]].self, from: Data((row["headers"] as String).utf8))) ?? []
                let subject: CaptureExport.Subject = if let feed = row["feed_url"] as String? {
                    .feed(url: feed)
                } else {
                    .document(id: row["document_id"], cluster: row["cluster_id"] ?? row["document_id"], relation: row["relation"])
                }
                let capture = CaptureExport(
                    captureID: row["capture_id"], subject: subject, requestedURL: row["requested_url"], finalURL: row["final_url"],
                    status: row["status"], headers: headers, contentType: row["content_type"], fetchedAt: row["fetched_at"],
                    body: try Self.decodeCapture(row["body"], size: row["body_size"], db), bodySHA256: row["body_sha256"],
                    requestHead: row["request_head"], responseHead: row["response_head"],
                    wireBody: try (row["wire_body"] as Data?).map { try ZlibCodec.decompress($0, expectedSize: row["wire_body_size"]) })
                do { try body(capture) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// The body of a document's earliest corpus-line capture that keeps its body.
    private static func corpusLine(of documentID: Int64, _ db: Database) throws -> Data? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT c.body, c.body_size FROM sightings s JOIN captures c ON c.id = s.capture_id
            WHERE s.document_id = ? AND c.content_type = ? AND c.body_kept = 1 ORDER BY c.id LIMIT 1
            """), arguments: [documentID, DocumentDetail.recordContentType]) else { return nil }
        return try decodeCapture(row[0], size: row[1], db)
    }

    private static func whereClause(_ f: ExportFilter) -> (String, StatementArguments) {
        var clauses: [String] = ["1"]
        var arguments = StatementArguments()
        if let since = f.since { clauses.append("d.first_seen_at >= ?"); arguments += [since] }
        if let until = f.until { clauses.append("d.first_seen_at < ?"); arguments += [until] }
        if let language = f.language { clauses.append("d.language = ?"); arguments += [language] }
        if let cluster = f.cluster { clauses.append("d.cluster_id = ?"); arguments += [cluster] }
        if f.canonicalOnly { clauses.append("d.relation = 'canonical'") }
        if let after = f.afterID { clauses.append("d.id > ?"); arguments += [after] }
        if let source = f.source {
            clauses.append("EXISTS (SELECT 1 FROM sightings s2 JOIN sources so ON so.id = s2.source_id WHERE s2.document_id = d.id AND so.url = ?)")
            arguments += [source]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }
}
