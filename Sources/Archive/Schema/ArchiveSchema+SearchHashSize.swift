import GRDB

extension ArchiveSchema {
    /// The most that FTS5 collects in memory before writing it out as a new segment of the
    /// search index. Its default, 1 MiB, made a new segment every ~400 documents, and
    /// FTS5 merged and merged them again: 154 µs a document at 100,000, against 90 µs with
    /// 16 MiB (the same index size afterwards). The writer's memory grows by at most this.
    static let searchHashSize = 16 << 20

    /// Stores `searchHashSize` in the search index's own configuration, where every
    /// connection finds it.
    static func enlargeSearchHash(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', ?)", arguments: [searchHashSize])
    }
}
