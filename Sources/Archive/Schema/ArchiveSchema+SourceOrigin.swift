import GRDB

extension ArchiveSchema {
    /// Whether a feed's URL came from the web (a permanent redirect to another host, or a
    /// page's feed link) rather than from the operator: such a feed is fetched under the
    /// network policy for web URLs, so a moved feed cannot lead ingestd to a local address.
    static func addSourceOrigin(_ db: Database) throws {
        try db.alter(table: "sources") { t in
            t.add(column: "url_from_web", .integer).notNull().defaults(to: 0)
        }
    }
}
