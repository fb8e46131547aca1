/// What a corpus import needs of a store, SQLite or PostgreSQL alike: its sources, a hint
/// for the writer's cache, blobs compressed ahead of the writes, and batches of writes
/// that each commit whole or not at all.
public protocol CorpusStore: AnyObject {
    func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64
    /// A page cache of this size for the writer, where the store has one.
    func setWriterCache(mebibytes: Int) throws(ArchiveError)
    /// Keeps the index keys of the documents its batches write in memory for the lookups of
    /// the batches after, where the store can (see `ArchiveStore.holdWrittenIndexKeys`).
    func holdWrittenIndexKeys(perKey: Int, expected: (bandKeys: Int, postings: Int))
    /// Compresses texts and captures ahead of the writes, as the store will keep them.
    func blobPreparer() throws(ArchiveError) -> BlobPreparer
    /// Runs `body` in one transaction.
    func batch<T>(_ body: (any CorpusBatch) throws -> T) throws -> T
}

/// The writes of one `CorpusStore.batch`: documents and sightings (`ArchiveWriter`), and
/// the restore of an ingestd export into an empty store.
public protocol CorpusBatch: ArchiveWriter {
    func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64
    func blobPreparer() throws(ArchiveError) -> BlobPreparer
    /// Whether the store holds any document (a restore needs an empty one, so ids are free).
    func hasDocuments() throws(ArchiveError) -> Bool
    func restore(_ doc: DocumentDetail, bandKeys: [UInt64], passageHashes: [UInt64]) throws(ArchiveError)
    /// After the last restored document (and row): every restored cluster has its canonical,
    /// and ids given from now on come after every restored one.
    func finishRestore() throws(ArchiveError)
}

extension ArchiveStore: CorpusStore {
    public func batch<T>(_ body: (any CorpusBatch) throws -> T) throws -> T {
        try inTransaction { try body($0) }
    }
}

extension WriteSession: CorpusBatch {}
