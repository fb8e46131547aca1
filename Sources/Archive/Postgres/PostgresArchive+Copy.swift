import Foundation

/// `archive copy` out of and into PostgreSQL (see `CopySource`, `CopyBatch`): rows keep
/// their ids, texts and bodies are decoded on the way out and compressed on the way in.
extension PostgresArchive: CopySource, CopyTarget, CopyBatch {
    public func indexScheme() throws(ArchiveError) -> String? {
        try db.query("SELECT value FROM archive_settings WHERE name = 'index_scheme'").first?.text(0)
    }

    /// Runs `body` holding the write lock every writer's transaction takes (`writeLock`), at
    /// session level: writers wait until it returns, so what `body` reads is one state.
    public func holdingWriters<T>(_ body: () throws -> T) throws -> T {
        try db.execute("SELECT pg_advisory_lock($1)", [.int(Self.writeLock)])
        defer { try? db.execute("SELECT pg_advisory_unlock($1)", [.int(Self.writeLock)]) }
        return try body()
    }

    public func forEachRow(of table: CopyTable, _ body: ([CopyValue]) throws -> Void) throws {
        let columns = table.columns
        try db.forEachRow("""
            SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))
            """) { r in
            try body(columns.indices.map { i -> CopyValue in
                if r.isNull(i) { return .null }
                return switch columns[i].kind {
                case .int: .int(r.int(i)!)
                case .double: .double(r.double(i)!)
                case .text: .text(r.text(i)!)
                case .bytes: .bytes(r.bytes(i)!)
                case .date: .date(r.date(i)!)
                case .bool: .bool(r.bool(i)!)
                }
            })
        }
    }

    public func forEachCaptureRow(_ body: (CaptureRow) throws -> Void) throws {
        // The base a store may compress a body against: a document seen through the capture.
        try db.forEachRow("""
            SELECT c.id, c.requested_url, c.final_url, c.status, c.content_type, c.etag, c.last_modified, c.headers, c.fetched_at,
                   c.body_sha256, c.body_size, c.body_kept, b.document_id, c.request_head, c.response_head, c.wire_body,
                   c.wire_body_size, c.body
            FROM captures c LEFT JOIN (SELECT capture_id, min(document_id) AS document_id FROM sightings GROUP BY capture_id) b
                ON b.capture_id = c.id
            ORDER BY c.id
            """) { r in
            let kept = r.bool(11)!
            try body(CaptureRow(
                id: r.int(0)!, requestedURL: r.text(1), finalURL: r.text(2)!, status: Int(r.int(3)!), contentType: r.text(4),
                etag: r.text(5), lastModified: r.text(6), headersJSON: r.text(7)!, fetchedAt: r.date(8)!, bodySHA256: r.text(9)!,
                bodySize: Int(r.int(10)!), body: kept ? try ZlibCodec.decompress(r.bytes(17)!, expectedSize: Int(r.int(10)!)) : Data(),
                bodyKept: kept, baseDocumentID: r.int(12), requestHead: r.bytes(13), responseHead: r.bytes(14),
                wireBody: try r.bytes(15).map { try ZlibCodec.decompress($0, expectedSize: Int(r.int(16)!)) }))
        }
    }

    public func isEmpty() throws(ArchiveError) -> Bool {
        try db.query("SELECT 1 FROM documents UNION ALL SELECT 1 FROM sources LIMIT 1").isEmpty
    }

    public func copyBatch<T>(_ body: (any CopyBatch) throws -> T) throws -> T {
        try inTransaction { try body($0) }
    }

    public func insert(_ c: CaptureRow) throws(ArchiveError) {
        try db.execute("""
            INSERT INTO captures (id, requested_url, final_url, status, content_type, etag, last_modified, headers, fetched_at,
                                  body_sha256, body_size, body, body_kept, request_head, response_head, wire_body, wire_body_size)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            """, [.int(c.id), c.requestedURL == c.finalURL ? .null : optional(c.requestedURL), .text(c.finalURL),
                  .int(Int64(c.status)), optional(c.contentType), optional(c.etag), optional(c.lastModified), .text(c.headersJSON),
                  .date(c.fetchedAt), .text(c.bodySHA256), .int(Int64(c.bodySize)), .bytes(ZlibCodec.compress(c.body)),
                  .bool(c.bodyKept), c.requestHead.map(PostgresConnection.Value.bytes) ?? .null,
                  c.responseHead.map(PostgresConnection.Value.bytes) ?? .null, c.wireBody.map { .bytes(ZlibCodec.compress($0)) } ?? .null,
                  c.wireBody.map { .int(Int64($0.count)) } ?? .null])
    }

    /// Many rows a statement (a round trip each is most of the cost), within libpq's
    /// 65,535 parameters.
    public func insert(_ rows: [[CopyValue]], into table: CopyTable) throws(ArchiveError) {
        let names = table.columns.map(\.name)
        let perStatement = min(1_000, 60_000 / names.count)
        var start = rows.startIndex
        while start < rows.endIndex {
            let chunk = rows[start..<min(start + perStatement, rows.endIndex)]
            start = chunk.endIndex
            // Typed, since a column that is NULL in every row of a VALUES list would be read as text.
            let tuples = chunk.indices.map { r in
                "(" + table.columns.indices.map { c in
                    "$\((r - chunk.startIndex) * names.count + c + 1)::" + Self.sqlType(table.columns[c].kind)
                }.joined(separator: ", ") + ")"
            }
            var sql = "INSERT INTO \(table.name) (\(names.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
            // Restoring the documents made each cluster; the copy brings its own time.
            if table == .clusters {
                sql += " ON CONFLICT (id) DO UPDATE SET canonical_document_id = excluded.canonical_document_id, created_at = excluded.created_at"
            }
            try db.execute(sql, chunk.flatMap { $0 }.map { value -> PostgresConnection.Value in
                switch value {
                case let .int(n): .int(n)
                case let .double(x): .double(x)
                case let .text(s): .text(s)
                case let .bytes(d): .bytes(d)
                case let .date(d): .date(d)
                case let .bool(b): .bool(b)
                case .null: .null
                }
            })
        }
    }

    private static func sqlType(_ kind: CopyTable.Kind) -> String {
        switch kind {
        case .int: "bigint"
        case .double: "float8"
        case .text: "text"
        case .bytes: "bytea"
        case .date: "timestamptz"
        case .bool: "boolean"
        }
    }
}
