import GRDB

/// What a store of duplicate-index data answers, and no more: which documents are indexed
/// under a key, which cluster a document is in, and a document as a candidate for
/// comparison. The rules that turn these answers into candidates and common fingerprints
/// are written once, outside every store (`Dedup.CandidateSearch`), so that every store
/// (the archive inside or outside a transaction, an in-memory index) decides alike.
///
/// Guarantees every store gives: `earliest` lists, for each key, the first `limit`
/// documents indexed under it from document `from` on, in ascending id order (ids are
/// arrival order), and only documents under exactly that key. Keys are stored as they are
/// given (band keys come mixed with their band's number, `Fingerprints.bandKey`).
///
/// A document's window time is when it was published, or when it was first seen if it has
/// no date or a date after that (seconds since 2001, as `Date.timeIntervalSinceReferenceDate`):
/// what `Dedup.IndexWindow` counts in. In `dedup` a document is "seen" when the run started.
public protocol PostingSource {
    /// For each of `keys`, the earliest `limit` documents indexed under it with ids from
    /// `from` on, appended to `lists` as one list per key, in the order of `keys`.
    func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, from: Int64, into lists: inout PostingLists) throws(ArchiveError)

    /// The latest window time among the stored documents; nil when there are none.
    func windowClock() throws(ArchiveError) -> Double?

    /// The first stored document (the lowest id) whose window time is at least `time`.
    func firstDocument(windowTimeAtLeast time: Double) throws(ArchiveError) -> Int64?

    /// A stored document's window time.
    func windowTime(of document: Int64) throws(ArchiveError) -> Double?

    /// The cluster of each of `documents`, in their order.
    func clusters(of documents: [Int64]) throws(ArchiveError) -> [Int64]

    /// Whether `clusters(of:)` is a read of memory, not worth remembering answers of
    /// (false unless a store says so: a database answers with a query).
    var clustersAreInMemory: Bool { get }

    /// `documents` as candidates for comparison, in their order (a document since removed is left out).
    func candidates(_ documents: [Int64]) throws(ArchiveError) -> [Candidate]
}

extension PostingSource {
    public var clustersAreInMemory: Bool { false }
}

/// A view of the archive's database that answers `PostingSource` through `PostingQueries`,
/// in one place for the archive outside a transaction, inside one, and in a snapshot.
protocol PostingQueryRunner: PostingSource {
    /// Runs `body` with the database, the id below which documents count (a rebuild's), and
    /// the transaction's keys not yet stored as a segment.
    func runPostingQuery<T>(_ body: (Database, Int64?, PendingIndexKeys?) throws -> T) throws(ArchiveError) -> T
}

extension PostingQueryRunner {
    public func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, from: Int64, into lists: inout PostingLists) throws(ArchiveError) {
        lists = try runPostingQuery { db, before, pending in
            var out = lists
            try PostingQueries.earliest(db, kind, keys, limit: limit, from: from, before: before, pending: pending, into: &out)
            return out
        }
    }

    public func windowClock() throws(ArchiveError) -> Double? {
        try runPostingQuery { db, before, _ in try PostingQueries.windowClock(db, before: before) }
    }

    public func firstDocument(windowTimeAtLeast time: Double) throws(ArchiveError) -> Int64? {
        try runPostingQuery { db, before, _ in try PostingQueries.firstDocument(db, windowTimeAtLeast: time, before: before) }
    }

    public func windowTime(of document: Int64) throws(ArchiveError) -> Double? {
        try runPostingQuery { db, _, _ in try PostingQueries.windowTime(db, of: document) }
    }

    public func clusters(of documents: [Int64]) throws(ArchiveError) -> [Int64] {
        try runPostingQuery { db, _, _ in try PostingQueries.clusters(db, of: documents) }
    }

    public func candidates(_ documents: [Int64]) throws(ArchiveError) -> [Candidate] {
        try runPostingQuery { db, _, _ in try PostingQueries.candidates(db, documents) }
    }
}

extension ArchiveStore: PostingQueryRunner {
    func runPostingQuery<T>(_ body: (Database, Int64?, PendingIndexKeys?) throws -> T) throws(ArchiveError) -> T {
        try read { db in try body(db, nil, nil) }
    }
}
