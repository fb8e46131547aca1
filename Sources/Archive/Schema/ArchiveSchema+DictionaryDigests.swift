import GRDB

extension ArchiveSchema {
    /// A dictionary's digests before its blobs. Every text written or read asks for its
    /// dictionary's digests (`SharedDictionary.cached` checks the decoded one it keeps
    /// against them), and with the digests after the 32 KiB preset and the vocabulary,
    /// SQLite must walk the blobs' overflow pages to reach them. The table is rebuilt with the same ids; it holds a few rows.
    static func putDictionaryDigestsFirst(_ db: Database) throws {
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'dictionaries'")
        try db.create(table: "new_dictionaries") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sha256", .text).notNull()
            t.column("words_sha256", .text)
            t.column("created_at", .datetime).notNull()
            t.column("data", .blob).notNull()                 // the zlib preset
            t.column("words", .blob)                          // the vocabulary, words joined by newlines
        }
        try db.execute(sql: """
            INSERT INTO new_dictionaries (id, sha256, words_sha256, created_at, data, words)
            SELECT id, sha256, words_sha256, created_at, data, words FROM dictionaries ORDER BY id
            """)
        try db.drop(table: "dictionaries")
        try db.rename(table: "new_dictionaries", to: "dictionaries")
        if let counter {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'dictionaries'", arguments: [counter])
        }
    }
}
