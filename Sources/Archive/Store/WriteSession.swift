import Foundation
import GRDB

/// The archive inside one write transaction that spans many texts (see
/// `ArchiveStore.inTransaction`). Its queries see its own uncommitted writes.
///
/// During a rebuild, `before` limits candidates to documents archived before the one being
/// replayed. Valid only inside the closure that received it.
public final class WriteSession: ArchiveWriter, PostingQueryRunner {
    let db: Database
    var before: Int64?
    /// New documents' search rows, written when the transaction's work is done.
    let searchRows = ArchiveStore.SearchRows()
    /// Index keys of the documents this transaction wrote, stored when it ends.
    let pendingKeys: PendingIndexKeys

    init(_ db: Database, held: HeldIndexKeys? = nil) {
        self.db = db
        pendingKeys = PendingIndexKeys(held: held)
    }

    func runPostingQuery<T>(_ body: (Database, Int64?, PendingIndexKeys?) throws -> T) throws(ArchiveError) -> T {
        try run { try body(db, before, pendingKeys) }
    }

    public func documentID(contentHash: String) throws(ArchiveError) -> Int64? {
        try run { try ArchiveStore.documentID(contentHash: contentHash, db) }
    }

    @discardableResult
    public func record(_ ingest: Ingest) throws(ArchiveError) -> IngestOutcome {
        try run { try ArchiveStore.record(ingest, db, pending: pendingKeys, searchRows: searchRows) }
    }

    /// The id of the source with this URL, created with `kind` if new.
    public func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64 {
        try run { try ArchiveStore.ensureSource(url: url, kind: kind, db) }
    }

    public func settleEntry(sourceID: Int64, entryKey: String, url: String?, title: String?, published: Date?) throws(ArchiveError) {
        try run { try ArchiveStore.insertEntry(sourceID, entryKey, url: url, title: title, published: published, documentID: nil, db) }
    }

    public func hostTemplateBlocks(host: String, minPages: Int) throws(ArchiveError) -> Set<UInt64> {
        try run { try ArchiveStore.hostTemplateBlocks(host: host, minPages: minPages, db) }
    }

    public func recordHostBlocks(host: String, url: String, hashes: [UInt64]) throws(ArchiveError) {
        try run { try ArchiveStore.recordHostBlocks(host: host, url: url, hashes: hashes, db) }
    }

    /// As `ArchiveStore.blobPreparer()`, with a dictionary this transaction trained (a
    /// blob made with it is taken only if the dictionary is still the newest when written).
    public func blobPreparer() throws(ArchiveError) -> BlobPreparer {
        try run { BlobPreparer(dictionary: try ArchiveStore.newestDictionary(db)) }
    }

    func run<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do { return try body() } catch { throw ArchiveStore.wrap(error) }
    }
}

extension ArchiveStore {
    /// Runs `body` in one write transaction: all of its writes commit together or not at all.
    /// Its documents' index keys stay held in memory after it when holding is on
    /// (`holdWrittenIndexKeys`).
    public func inTransaction<T>(_ body: (WriteSession) throws -> T) throws(ArchiveError) -> T {
        do {
            return try write { db in
                try heldKeys.begin(db)
                let session = WriteSession(db, held: heldKeys.isOn ? heldKeys : nil)
                let result = try body(session)
                try session.searchRows.flush(db)
                try IndexSegments.flush(session.pendingKeys, merging: false, db)
                try heldKeys.end(db)
                return result
            }
        } catch {
            heldKeys.forget()
            throw error
        }
    }

    /// Holds the index keys of the documents this store object writes in transactions
    /// (`inTransaction`) in memory from one to the next (`HeldIndexKeys`), `perKey` documents
    /// a key, so that their lookups read only the documents from before from SQLite: for a
    /// bulk write of many transactions whose lookups start at the first document (no time
    /// window) and want at most `perKey` documents a key; `expected` sizes its tables. Call
    /// it before the transactions.
    public func holdWrittenIndexKeys(perKey: Int, expected: (bandKeys: Int, postings: Int)) {
        heldKeys.start(perKey: perKey, expected: expected, capacity: HeldIndexKeys.defaultCapacity)
    }
}
