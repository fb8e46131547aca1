import Archive
import Normalizer

/// The rules that turn a store's postings (`PostingSource`) into a new document's
/// candidates and its common fingerprints, written once for every store.
///
/// The rules:
/// - keys are index keys (32 bits, `Fingerprints.indexKey`), matched whole; of each band
///   key and each passage fingerprint, only the earliest `bucketLimit` documents count, so
///   a lookup costs the same whatever the archive's size;
/// - a passage fingerprint is common when those earliest documents span more than
///   `commonFingerprintClusters` clusters: a stock phrase or boilerplate, not evidence.
///   Counted in clusters, not documents, so a story syndicated a hundred times keeps its
///   own passages;
/// - a candidate is a document among the earliest of one of the text's band keys, or
///   among the earliest of at least `passageMinCount` of its fingerprints that are not common.
///
/// Guarantees: the same postings give the same candidates (ascending ids) and the same
/// common set, whatever the store. A fingerprint found common is remembered: its earliest
/// documents only grow in number until they are `bucketLimit`, and their clusters keep
/// their ids, so it stays common. A search must therefore not outlive a change of clusters
/// other than by new documents (`clusters rebuild` makes its own).
public final class CandidateSearch {
    public let settings: DuplicateSettings
    private var knownCommon = Set<UInt64>()
    /// Reused by every lookup, so none allocates per key.
    private var lists = PostingLists()
    private var shared: [Int64] = []

    /// Fingerprints remembered as common before the memory is cleared (and counted again).
    static let knownCommonLimit = 1 << 20

    public init(settings: DuplicateSettings) {
        self.settings = settings
    }

    /// The candidates of a text with these keys, and which of its fingerprints are common.
    public func find(bandKeys: [UInt64], passages: [UInt64],
                     in source: some PostingSource) throws(ArchiveError) -> (candidates: [Candidate], common: Set<UInt64>) {
        let common = try self.common(passages, in: source, keepingShared: true)
        var ids = shared
        lists.removeAll()
        try source.earliest(.band, bandKeys, limit: settings.bucketLimit, into: &lists)
        ids.append(contentsOf: lists.documents)
        guard !ids.isEmpty else { return ([], common) }
        ids.sort()
        ids.removeDuplicatesInSortedArray()
        return (try source.candidates(ids), common)
    }

    /// The common fingerprints among `hashes`.
    public func common(_ hashes: [UInt64], in source: some PostingSource) throws(ArchiveError) -> Set<UInt64> {
        try common(hashes, in: source, keepingShared: false)
    }

    /// The common fingerprints; with `keepingShared`, `shared` is left holding the documents
    /// under enough of the others to be candidates.
    private func common(_ hashes: [UInt64], in source: some PostingSource,
                        keepingShared: Bool) throws(ArchiveError) -> Set<UInt64> {
        if knownCommon.count > Self.knownCommonLimit { knownCommon.removeAll() }
        var out = Set<UInt64>()
        let unknown = hashes.filter { hash in
            if knownCommon.contains(hash) { out.insert(hash); return false }
            return true
        }
        lists.removeAll()
        try source.earliest(.passage, unknown, limit: settings.bucketLimit, into: &lists)
        shared.removeAll(keepingCapacity: true)
        let limit = settings.commonFingerprintClusters
        for (i, hash) in unknown.enumerated() {
            let documents = lists[i]
            if documents.count > limit, try Set(source.clusters(of: Array(documents))).count > limit {
                knownCommon.insert(hash)
                out.insert(hash)
            } else if keepingShared {
                shared.append(contentsOf: documents)
            }
        }
        guard keepingShared else { return out }
        shared.sort()
        var kept = 0, run = 0
        for i in shared.indices {
            run = i > 0 && shared[i] == shared[i - 1] ? run + 1 : 1
            if run == settings.passageMinCount {
                shared[kept] = shared[i]
                kept += 1
            }
        }
        shared.removeLast(shared.count - kept)
        return out
    }
}
