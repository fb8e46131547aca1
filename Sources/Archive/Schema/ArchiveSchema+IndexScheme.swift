import GRDB

extension ArchiveSchema {
    /// One row naming the scheme that the archive's index keys were made under (see
    /// `ArchiveStore.claimIndexScheme`). An empty archive gets no row: its first writer
    /// records its own. One with documents is taken to have keys of the default settings
    /// at the time (the value below, frozen with this migration): if it was filled under
    /// other settings, the next writer is refused and told to rebuild, which is safe,
    /// where recording nothing would let a later hashing change go unnoticed.
    static func addIndexScheme(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE index_scheme (id INTEGER PRIMARY KEY CHECK (id = 1), scheme TEXT NOT NULL)")
        try db.execute(sql: """
            INSERT INTO index_scheme (id, scheme) SELECT 1, ? WHERE EXISTS (SELECT 1 FROM documents)
            """, arguments: ["keys/1 shingle_words=5 minhash_permutations=128 lsh_bands=32 winnow_window=6"])
    }
}
