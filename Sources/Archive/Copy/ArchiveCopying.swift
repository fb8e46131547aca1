/// What `archive copy` reads of a store: every document (`ExportSource`), every capture
/// whole, and every row of every other table. Keeping writers off meanwhile is the
/// caller's part (the lock file beside an SQLite archive, `PostgresArchive.holdingWriters`).
public protocol CopySource: ExportSource {
    /// The scheme of the archive's index keys; nil when none was claimed.
    func indexScheme() throws(ArchiveError) -> String?
    /// Every row of `table`, in `table.key` order.
    func forEachRow(of table: CopyTable, _ body: ([CopyValue]) throws -> Void) throws
    /// Every capture, in id order.
    func forEachCaptureRow(_ body: (CaptureRow) throws -> Void) throws
}

/// What `archive copy` writes into an empty store: documents through `CorpusBatch.restore`
/// (same ids, clusters and relations), then captures and rows keeping their ids.
public protocol CopyBatch: CorpusBatch {
    /// Whether the store holds no document and no source (a copy keeps every id, so it
    /// needs them all free).
    func isEmpty() throws(ArchiveError) -> Bool
    func insert(_ capture: CaptureRow) throws(ArchiveError)
    func insert(_ rows: [[CopyValue]], into table: CopyTable) throws(ArchiveError)
}

/// A store `archive copy` can write into.
public protocol CopyTarget: CorpusStore {
    func claimIndexScheme(_ scheme: String) throws(ArchiveError)
    func copyBatch<T>(_ body: (any CopyBatch) throws -> T) throws -> T
}
