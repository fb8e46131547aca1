import GRDB

extension ArchiveSchema {
    /// An index on each document's window time (`PostingQueries.windowTimeSQL`), so that
    /// the duplicate index's time window (`dedup.window_days`) finds its clock and its
    /// first document without reading every document: the index holds the expression
    /// itself, and a query must spell it the same way to use it.
    static func addWindowTimeIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX documents_window_time ON documents (\(PostingQueries.windowTimeSQL))")
    }
}
