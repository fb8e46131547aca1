import GRDB

extension ArchiveSchema {
    /// Provenance without repeating itself: a capture's `requested_url` is NULL when it is
    /// its `final_url` (no redirect), a sighting's `url` is NULL when it is its capture's
    /// `final_url`, and its `seen_at` NULL when it is its capture's `fetched_at`. Readers
    /// take `COALESCE(value, the capture's)`. Most sightings are of a page fetched once
    /// without a redirect, and these three copies were ~140 B of every document (3 % of a
    /// 100k archive). The capture's compressed body moves to the end of its row, so reading
    /// the columns before it never walks the body's overflow pages.
    ///
    /// Both tables are rebuilt (SQLite cannot drop a NOT NULL), keeping every id and the
    /// AUTOINCREMENT counters; the migrator checks every foreign key before committing.
    static func compactProvenance(_ db: Database) throws {
        let counters = try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence WHERE name IN ('captures', 'sightings')")
        try db.create(table: "new_captures") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("requested_url", .text)                  // NULL: final_url
            t.column("final_url", .text).notNull()
            t.column("status", .integer).notNull()
            t.column("content_type", .text)
            t.column("etag", .text)
            t.column("last_modified", .text)
            t.column("headers", .text).notNull()             // JSON [[name, value]]
            t.column("fetched_at", .datetime).notNull()
            t.column("body_sha256", .text).notNull()
            t.column("body_size", .integer).notNull()
            t.column("body_base_id", .integer).references("documents")
            t.column("body_kept", .integer).notNull().defaults(to: 1)
            t.column("body", .blob).notNull()                 // CaptureBlob; last, see above
            t.uniqueKey(["final_url", "body_sha256"])
        }
        try db.execute(sql: """
            INSERT INTO new_captures (id, requested_url, final_url, status, content_type, etag, last_modified, headers,
                                      fetched_at, body_sha256, body_size, body_base_id, body_kept, body)
            SELECT id, NULLIF(requested_url, final_url), final_url, status, content_type, etag, last_modified, headers,
                   fetched_at, body_sha256, body_size, body_base_id, body_kept, body
            FROM captures ORDER BY id
            """)
        try db.create(table: "new_sightings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents")
            t.column("source_id", .integer).notNull().references("sources")
            t.column("capture_id", .integer).notNull().references("captures")
            t.column("entry_key", .text).notNull()            // feed entry id, or the file URL
            t.column("url", .text)                            // URL requested; NULL: the capture's final_url
            t.column("seen_at", .datetime)                    // NULL: the capture's fetched_at
            t.uniqueKey(["document_id", "source_id", "capture_id", "entry_key"])
        }
        try db.execute(sql: """
            INSERT INTO new_sightings (id, document_id, source_id, capture_id, entry_key, url, seen_at)
            SELECT s.id, s.document_id, s.source_id, s.capture_id, s.entry_key,
                   NULLIF(s.url, c.final_url), NULLIF(s.seen_at, c.fetched_at)
            FROM sightings s LEFT JOIN captures c ON c.id = s.capture_id ORDER BY s.id
            """)
        for table in ["captures", "sightings"] {
            try db.drop(table: table)
            try db.rename(table: "new_\(table)", to: table)
        }
        for counter in counters {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [counter["seq"], counter["name"]])
        }
        try db.create(index: "captures_by_body_base", on: "captures", columns: ["body_base_id"])
        try db.create(index: "sightings_on_document_id", on: "sightings", columns: ["document_id"])
    }
}
