@testable import Archive

/// Lookups of stored postings in the shape these tests ask about; the candidate rules
/// themselves (common fingerprints, the limits) are `Dedup.CandidateSearch`'s, tested there.
extension PostingSource {
    /// The documents among the earliest `limit` from `from` on under any of `bands` (band `i`
    /// is `bands[i]`), or under at least `min` of `passages`, ascending, as candidates.
    func found(bands: [UInt64] = [], passages: [UInt64] = [], min: Int = 2, limit: Int = 64, from: Int64 = 1) throws -> [Candidate] {
        var lists = PostingLists()
        try earliest(.band, bands, limit: limit, from: from, into: &lists)
        var ids = Set(lists.documents)
        lists.removeAll()
        try earliest(.passage, passages, limit: limit, from: from, into: &lists)
        var counts: [Int64: Int] = [:]
        for document in lists.documents { counts[document, default: 0] += 1 }
        ids.formUnion(counts.filter { $0.value >= min }.keys)
        return try candidates(ids.sorted())
    }
}

extension IndexLookup {
    /// The earliest `limit` documents under `key`.
    func earliest(_ kind: IndexKind, _ key: UInt64, limit: Int) throws -> [Int64] {
        var out: [Int64] = []
        try forEachDocument(kind, key) { document in
            out.append(document)
            return out.count < limit
        }
        return out
    }
}
