import GRDB

extension ArchiveSchema {
    /// Transient failures of a feed entry's page (timeouts, resets, 5xx, a page still
    /// downloading at the run's deadline), counted across runs so that a page that never
    /// comes is given up after `park_after_failures` tries instead of costing every run.
    static func addEntryFailures(_ db: Database) throws {
        try db.create(table: "entry_failures") { t in
            t.column("source_id", .integer).notNull().references("sources")
            t.column("entry_key", .text).notNull()
            t.column("failures", .integer).notNull()
            t.column("last_error", .text).notNull()
            t.column("last_failed_at", .datetime).notNull()
            t.primaryKey(["source_id", "entry_key"])
        }
    }
}
