import GRDB

extension ArchiveSchema {
    /// Which captures are bodies of which feed (`fetch.keep_feed_captures`), so that a WARC
    /// export can hold the feeds through which its pages were found.
    static func addFeedCaptures(_ db: Database) throws {
        try db.create(table: "feed_captures") { t in
            t.column("source_id", .integer).notNull().references("sources")
            t.column("capture_id", .integer).notNull().references("captures")
            t.primaryKey(["source_id", "capture_id"])
        }
    }
}
