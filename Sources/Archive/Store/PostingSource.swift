/// What a store of duplicate-index data answers, and no more: which documents are indexed
/// under a key, which cluster a document is in, and a document as a candidate for
/// comparison. The rules that turn these answers into candidates and common fingerprints
/// are written once, outside every store (`Dedup.CandidateSearch`), so that every store
/// (the archive inside or outside a transaction, an in-memory index) decides alike.
///
/// Guarantees every store gives: `earliest` lists, for each key, the first `limit`
/// documents indexed under it in ascending id order (ids are arrival order), and only
/// documents under exactly that key. Keys are stored as they are given (band keys come
/// mixed with their band's number, `Fingerprints.bandKey`).
public protocol PostingSource {
    /// For each of `keys`, the earliest `limit` documents indexed under it, appended to
    /// `lists` as one list per key, in the order of `keys`.
    func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, into lists: inout PostingLists) throws(ArchiveError)

    /// The cluster of each of `documents`, in their order.
    func clusters(of documents: [Int64]) throws(ArchiveError) -> [Int64]

    /// `documents` as candidates for comparison, in their order (a document since removed is left out).
    func candidates(_ documents: [Int64]) throws(ArchiveError) -> [Candidate]
}

extension ArchiveStore: PostingSource {
    public func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, into lists: inout PostingLists) throws(ArchiveError) {
        lists = try read { db in
            var out = lists
            try PostingQueries.earliest(db, kind, keys, limit: limit, before: nil, pending: nil, into: &out)
            return out
        }
    }

    public func clusters(of documents: [Int64]) throws(ArchiveError) -> [Int64] {
        try read { db in try PostingQueries.clusters(db, of: documents) }
    }

    public func candidates(_ documents: [Int64]) throws(ArchiveError) -> [Candidate] {
        try read { db in try PostingQueries.candidates(db, documents) }
    }
}
