import GRDB

extension ArchiveSchema {
    /// The exchange as it crossed the wire, for WARC records that hold what came over it:
    /// the request head as sent, the status line and headers as received (raw bytes), and
    /// the body before transfer and content decoding, ZlibCodec-compressed, only when it
    /// differs from `body` (gzip-encoded or chunked), with its size. All NULL for files, corpus lines and
    /// captures made before this version.
    static func addWireBytes(_ db: Database) throws {
        try db.alter(table: "captures") { t in
            t.add(column: "request_head", .blob)
            t.add(column: "response_head", .blob)
            t.add(column: "wire_body", .blob)
            t.add(column: "wire_body_size", .integer)
        }
    }
}
