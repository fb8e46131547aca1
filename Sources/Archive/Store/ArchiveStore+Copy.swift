import Foundation
import GRDB

/// `archive copy` out of and into the SQLite archive (see `CopySource`, `CopyBatch`).
/// Rows keep their ids; texts and captures are decoded on the way out and encoded again on
/// the way in, against the target's own dictionaries and base documents.
extension ArchiveStore: CopySource, CopyTarget {
    public func forEachRow(of table: CopyTable, _ body: ([CopyValue]) throws -> Void) throws {
        let columns = table.columns.map { column in
            switch (table, column.name) {
            // The compact layout leaves these NULL when they are the capture's (`compactProvenance`).
            case (.sightings, "url"): "COALESCE(t.url, c.final_url)"
            case (.sightings, "seen_at"): "COALESCE(t.seen_at, c.fetched_at)"
            default: "t.\(column.name)"
            }
        }
        let join = table == .sightings ? " LEFT JOIN captures c ON c.id = t.capture_id" : ""
        let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) t\(join) ORDER BY "
            + table.key.map { "t.\($0)" }.joined(separator: ", ")
        var failure: (any Error)?
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql)
            while failure == nil, let row = try rows.next() {
                let values = table.columns.indices.map { Self.copyValue(row[$0], table.columns[$0].kind) }
                do { try body(values) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    public func forEachCaptureRow(_ body: (CaptureRow) throws -> Void) throws {
        var failure: (any Error)?
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, requested_url, final_url, status, content_type, etag, last_modified, headers, fetched_at, body_sha256,
                       body_size, body_kept, body_base_id, request_head, response_head, wire_body, wire_body_size, body
                FROM captures ORDER BY id
                """)
            while failure == nil, let row = try rows.next() {
                let kept: Bool = row["body_kept"]
                let capture = CaptureRow(
                    id: row["id"], requestedURL: row["requested_url"], finalURL: row["final_url"], status: row["status"],
                    contentType: row["content_type"], etag: row["etag"], lastModified: row["last_modified"],
                    headersJSON: row["headers"], fetchedAt: row["fetched_at"], bodySHA256: row["body_sha256"],
                    bodySize: row["body_size"], body: kept ? try Self.decodeCapture(row["body"], size: row["body_size"], db) : Data(),
                    bodyKept: kept, baseDocumentID: row["body_base_id"], requestHead: row["request_head"],
                    responseHead: row["response_head"],
                    wireBody: try (row["wire_body"] as Data?).map { try ZlibCodec.decompress($0, expectedSize: row["wire_body_size"]) })
                do { try body(capture) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    public func copyBatch<T>(_ body: (any CopyBatch) throws -> T) throws -> T {
        try inTransaction { try body($0) }
    }

    private static func copyValue(_ value: DatabaseValue, _ kind: CopyTable.Kind) -> CopyValue {
        if value.isNull { return .null }
        return switch kind {
        case .int: Int64.fromDatabaseValue(value).map(CopyValue.int) ?? .null
        case .double: Double.fromDatabaseValue(value).map(CopyValue.double) ?? .null
        case .text: String.fromDatabaseValue(value).map(CopyValue.text) ?? .null
        case .bytes: Data.fromDatabaseValue(value).map(CopyValue.bytes) ?? .null
        case .date: Date.fromDatabaseValue(value).map(CopyValue.date) ?? .null
        case .bool: Bool.fromDatabaseValue(value).map(CopyValue.bool) ?? .null
        }
    }
}

extension WriteSession: CopyBatch {
    public func isEmpty() throws(ArchiveError) -> Bool {
        try run { try Bool.fetchOne(db, sql: "SELECT 1 FROM documents UNION ALL SELECT 1 FROM sources LIMIT 1") != true }
    }

    public func insert(_ capture: CaptureRow) throws(ArchiveError) {
        try run {
            // A kept body is compressed against the text of the document first archived from it,
            // as an ingest would have done, when that document is in.
            var base: (id: Int64, text: Data)?
            if capture.bodyKept, let id = capture.baseDocumentID,
               let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT text, text_size FROM documents WHERE id = ?"), arguments: [id]) {
                base = (id, try ArchiveStore.decodeText(row["text"], size: row["text_size"], db))
            }
            let blob = capture.bodyKept
                ? CaptureBlob.encode(capture.body, base: base, isJSON: CaptureBlob.isJSON(capture.contentType))
                : ZlibCodec.compress(Data())
            try db.cachedStatement(sql: """
                INSERT INTO captures (id, requested_url, final_url, status, content_type, etag, last_modified, headers, fetched_at,
                                      body_sha256, body_size, body_base_id, body_kept, request_head, response_head, wire_body,
                                      wire_body_size, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    capture.id, capture.requestedURL == capture.finalURL ? nil : capture.requestedURL, capture.finalURL,
                    capture.status, capture.contentType, capture.etag, capture.lastModified, capture.headersJSON,
                    capture.fetchedAt, capture.bodySHA256, capture.bodySize, base?.id, capture.bodyKept, capture.requestHead,
                    capture.responseHead, capture.wireBody.map(ZlibCodec.compress), capture.wireBody?.count, blob])
        }
    }

    public func insert(_ rows: [[CopyValue]], into table: CopyTable) throws(ArchiveError) {
        let names = table.columns.map(\.name)
        let marks = Array(repeating: "?", count: names.count)
        let sql: String = switch table {
        // Restoring the documents made each cluster; the copy brings its own time.
        case .clusters:
            "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
                + "SET canonical_document_id = excluded.canonical_document_id, created_at = excluded.created_at"
        // Stored compact: NULL where the value is the capture's (`compactProvenance`).
        case .sightings:
            "INSERT INTO sightings (id, document_id, source_id, capture_id, entry_key, url, seen_at) "
                + "SELECT ?, ?, ?, c.id, ?, NULLIF(?, c.final_url), NULLIF(?, c.fetched_at) FROM captures c WHERE c.id = ?"
        default:
            "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES (\(marks.joined(separator: ", ")))"
        }
        try run {
            let statement = try db.cachedStatement(sql: sql)
            for row in rows {
                var values = row.map(Self.databaseValue)
                if table == .sightings { values = Array(values[0...2]) + Array(values[4...6]) + [values[3]] }
                try statement.execute(arguments: StatementArguments(values))
                if table == .sightings, db.changesCount != 1 {
                    throw ArchiveError.database("sighting \(row[0]): its capture \(row[3]) is not in the copy")
                }
            }
        }
    }

    private static func databaseValue(_ value: CopyValue) -> DatabaseValue {
        switch value {
        case let .int(n): n.databaseValue
        case let .double(x): x.databaseValue
        case let .text(s): s.databaseValue
        case let .bytes(d): d.databaseValue
        case let .date(d): d.databaseValue
        case let .bool(b): b.databaseValue
        case .null: .null
        }
    }
}
