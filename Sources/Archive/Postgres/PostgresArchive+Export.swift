import Foundation

/// Exports from PostgreSQL (`ExportSource`): the same documents, in the same order, with
/// the same provenance and captures as the SQLite archive gives, streamed through cursors.
extension PostgresArchive: ExportSource {
    public func forEachDocument(_ filter: ExportFilter, withRecords: Bool, _ body: (DocumentDetail) throws -> Void) throws {
        let c = Self.conditions(filter)
        // Sightings and records are read on a second connection while the cursor is open on this one.
        let side = try PostgresConnection(url: url)
        try db.forEachRow("SELECT \(Self.documentColumns) FROM documents d WHERE \(c.sql) ORDER BY d.id", c.arguments) { r in
            try body(try Self.detail(r, withRecord: withRecords, side))
        }
    }

    /// The documents the filter takes, counted by first source, day (UTC) and kind.
    public func documentCounts(_ filter: ExportFilter) throws -> [DocumentCount] {
        let c = Self.conditions(filter)
        return try db.query("""
            SELECT (SELECT so.url FROM sightings s JOIN sources so ON so.id = s.source_id
                    WHERE s.document_id = d.id ORDER BY s.id LIMIT 1),
                   to_char(COALESCE(d.published, d.first_seen_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                   d.relation = 'canonical', COUNT(*)
            FROM documents d WHERE \(c.sql) GROUP BY 1, 2, 3
            """, c.arguments).map { r in
            DocumentCount(source: r.text(0), day: r.text(1) ?? "", isOriginal: r.bool(2) ?? false, count: Int(r.int(3) ?? 0))
        }
    }

    /// One document with its provenance, as `docs show` gives it.
    public func document(_ id: Int64) throws(ArchiveError) -> DocumentDetail {
        guard let row = try db.query("SELECT \(Self.documentColumns) FROM documents d WHERE d.id = $1", [.int(id)]).first else {
            throw .notFound("document \(id)")
        }
        return try Self.detail(row, withRecord: false, db)
    }

    private static let documentColumns = """
        d.id, d.cluster_id, d.relation, d.title, d.published, d.language, d.site_name, d.canonical_url,
        d.content_hash, d.first_seen_at, d.word_count, d.normalizer_version, d.text, d.text_size
        """

    /// A `documentColumns` row as a `DocumentDetail`, its sightings (and line) read through `db`.
    private static func detail(_ r: PostgresConnection.Row, withRecord: Bool, _ db: PostgresConnection) throws(ArchiveError) -> DocumentDetail {
        let id = r.int(0)!
        let sightings = try db.query("""
            SELECT so.url, so.kind, s.entry_key, s.url, c.final_url, s.seen_at, c.status, c.etag, c.last_modified, c.id,
                   c.body_sha256
            FROM sightings s JOIN sources so ON so.id = s.source_id JOIN captures c ON c.id = s.capture_id
            WHERE s.document_id = $1 ORDER BY s.id
            """, [.int(id)]).map { s in
            SightingDetail(source: s.text(0)!, sourceKind: s.text(1)!, entryKey: s.text(2)!, url: s.text(3)!, finalURL: s.text(4)!,
                           seenAt: s.date(5)!, status: Int(s.int(6)!), etag: s.text(7), lastModified: s.text(8), captureID: s.int(9)!,
                           captureSHA256: s.text(10)!)
        }
        var doc = DocumentDetail(
            id: id, cluster: r.int(1)!, relation: r.text(2)!, title: r.text(3), published: r.date(4), language: r.text(5),
            siteName: r.text(6), canonicalURL: r.text(7), contentHash: r.text(8)!, firstSeen: r.date(9)!, wordCount: Int(r.int(10)!),
            normalizerVersion: r.text(11)!,
            text: String(decoding: try ZlibCodec.decompress(r.bytes(12)!, expectedSize: Int(r.int(13)!)), as: UTF8.self),
            sightings: sightings)
        if withRecord, let line = try db.query("""
            SELECT c.body, c.body_size FROM sightings s JOIN captures c ON c.id = s.capture_id
            WHERE s.document_id = $1 AND c.content_type = $2 ORDER BY c.id LIMIT 1
            """, [.int(id), .text(DocumentDetail.recordContentType)]).first {
            doc.record = try ZlibCodec.decompress(line.bytes(0)!, expectedSize: Int(line.int(1)!))
        }
        return doc
    }

    public func forEachCapture(_ filter: ExportFilter, _ body: (CaptureExport) throws -> Void) throws {
        let c = Self.conditions(filter)
        try forEachCapture("""
            SELECT \(Self.captureColumns), d.id, d.cluster_id, d.relation, NULL::text
            FROM documents d JOIN (SELECT DISTINCT document_id, capture_id FROM sightings) s ON s.document_id = d.id
            JOIN captures c ON c.id = s.capture_id
            WHERE \(c.sql) ORDER BY d.id, c.id
            """, c.arguments, body)
    }

    public func forEachFeedCapture(_ filter: ExportFilter, _ body: (CaptureExport) throws -> Void) throws {
        let documents = Self.conditions(filter)
        var c = PostgresConditions(
            ["fc.source_id IN (SELECT s.source_id FROM sightings s JOIN documents d ON d.id = s.document_id WHERE \(documents.sql))"],
            arguments: documents.arguments)
        if let since = filter.since { c.add("c.fetched_at >= ?", .date(since)) }
        if let until = filter.until { c.add("c.fetched_at < ?", .date(until)) }
        if let after = filter.afterID { c.add("c.fetched_at > (SELECT first_seen_at FROM documents WHERE id = ?)", .int(after)) }
        if let source = filter.source { c.add("so.url = ?", .text(source)) }
        try forEachCapture("""
            SELECT \(Self.captureColumns), NULL::bigint, NULL::bigint, NULL::text, so.url
            FROM feed_captures fc JOIN captures c ON c.id = fc.capture_id JOIN sources so ON so.id = fc.source_id
            WHERE \(c.sql) ORDER BY c.id
            """, c.arguments, body)
    }

    private static let captureColumns = """
        c.id, COALESCE(c.requested_url, c.final_url), c.final_url, c.status, c.headers, c.content_type, c.fetched_at, c.body,
        c.body_size, c.body_sha256, c.request_head, c.response_head, c.wire_body, c.wire_body_size
        """

    /// Streams captures: `captureColumns`, then a document's id, cluster and relation, or a feed's URL.
    private func forEachCapture(_ sql: String, _ arguments: [PostgresConnection.Value], _ body: (CaptureExport) throws -> Void) throws {
        try db.forEachRow(sql, arguments) { r in
            let headers = (try? JSONDecoder().decode([[String]].self, from: Data((r.text(4) ?? "[]").utf8))) ?? []
            let subject: CaptureExport.Subject = if let feed = r.text(17) {
                .feed(url: feed)
            } else {
                .document(id: r.int(14)!, cluster: r.int(15)!, relation: r.text(16)!)
            }
            try body(CaptureExport(
                captureID: r.int(0)!, subject: subject, requestedURL: r.text(1)!, finalURL: r.text(2)!, status: Int(r.int(3)!),
                headers: headers, contentType: r.text(5), fetchedAt: r.date(6)!,
                body: try ZlibCodec.decompress(r.bytes(7)!, expectedSize: Int(r.int(8)!)), bodySHA256: r.text(9)!,
                requestHead: r.bytes(10), responseHead: r.bytes(11),
                wireBody: try r.bytes(12).map { try ZlibCodec.decompress($0, expectedSize: Int(r.int(13)!)) }))
        }
    }

    /// The filter as conditions on `documents d`.
    private static func conditions(_ f: ExportFilter) -> PostgresConditions {
        var c = PostgresConditions()
        if let since = f.since { c.add("d.first_seen_at >= ?", .date(since)) }
        if let until = f.until { c.add("d.first_seen_at < ?", .date(until)) }
        if let language = f.language { c.add("d.language = ?", .text(language)) }
        if let cluster = f.cluster { c.add("d.cluster_id = ?", .int(cluster)) }
        if f.canonicalOnly { c.add("d.relation = 'canonical'") }
        if let after = f.afterID { c.add("d.id > ?", .int(after)) }
        if let source = f.source {
            c.add("EXISTS (SELECT 1 FROM sightings s2 JOIN sources so2 ON so2.id = s2.source_id WHERE s2.document_id = d.id AND so2.url = ?)",
                  .text(source))
        }
        return c
    }
}
