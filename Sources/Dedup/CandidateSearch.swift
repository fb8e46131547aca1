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
/// - a candidate is a document among the earliest of at least `passageMinCount` of the
///   text's passage fingerprints that are not common, or among the earliest of one of its
///   band keys and of at least one such fingerprint. A band key alone is only an agreement
///   of a few MinHash rows: the items of one template (a market report, a results table)
///   agree on one by chance, more often the more items there are, and each item is a story
///   of its own; a copy or rewrite shares wording, so a passage too;
/// - with a time window (`dedup.window_days`), "earliest" counts from the first document of
///   the generation before the text's (`IndexWindow`), and nothing older is a candidate.
///
/// Guarantees: the same postings give the same candidates (ascending ids) and the same
/// common set, whatever the store. A fingerprint found common is remembered while the
/// window stays in one generation: its earliest documents only grow in number until they
/// are `bucketLimit`, and their clusters keep their ids, so it stays common. A search must
/// therefore not outlive a change of clusters other than by new documents (`clusters
/// rebuild` makes its own), and sees the documents arrive in id order.
public final class CandidateSearch {
    public let settings: DuplicateSettings
    private let window: IndexWindow
    /// The window's clock: nil until read from the store.
    private var clock: Double?
    /// The clock's generation (`IndexWindow`), and the first document a lookup reads (nil
    /// while no stored document belongs to this generation or the one before).
    public private(set) var generation = Int64.min
    private var windowStart: Int64?
    /// Passage keys found common, each stored once under document 0: a set of index keys
    /// with a cheap probe, as every passage of every text is asked about.
    private var knownCommon = CandidateSearch.emptyKeySet()
    /// Reused by every lookup: the passages not known to be common.
    private var unknown: [UInt64] = []
    /// The clusters of stored documents asked about so far, of a store that answers from a
    /// database: a stored document keeps its cluster (see the guarantees), and the earliest
    /// documents of a template's fingerprints are the same few items, asked about once for
    /// each of its thirty-odd fingerprints.
    private var knownClusters: [Int64: Int64] = [:]
    /// Reused by every lookup, so none allocates per key.
    private var lists = PostingLists()
    /// The last lookup's documents under at least `passageMinCount` of the text's passage
    /// fingerprints that are not common, and under at least one (ascending, once each).
    private var shared: [Int64] = []
    private var touched: [Int64] = []
    /// Reused by every lookup: how many of the text's passage fingerprints each document is under.
    private var counter = DocumentCounter()

    /// Fingerprints remembered as common before the memory is cleared (and counted again).
    static let knownCommonLimit = 1 << 20
    /// Documents whose clusters are remembered before the memory is cleared (and asked again).
    static let knownClustersLimit = 1 << 20

    /// `replaying` for a search that replays a store's documents from the first (`clusters
    /// rebuild`): its clock starts empty rather than at the store's latest document.
    public init(settings: DuplicateSettings, replaying: Bool = false) {
        self.settings = settings
        window = IndexWindow(days: settings.windowDays)
        if replaying { clock = -.infinity }
    }

    /// The candidates of a text with these keys and this window time (`IndexWindow.time`),
    /// and which of its fingerprints are common.
    public func find(bandKeys: [UInt64], passages: [UInt64], time: Double,
                     in source: some PostingSource) throws(ArchiveError) -> (candidates: [Candidate], common: Set<UInt64>) {
        let from = try advance(to: time, in: source)
        let common = try self.common(passages, from: from, in: source, keepingShared: true)
        var ids = shared
        // (No document under any passage: none of the bands' can be a candidate.)
        if !touched.isEmpty {
            let touched = touched
            var lists = take(&self.lists, leaving: PostingLists())
            defer { self.lists = lists }
            lists.removeAll()
            try source.earliest(.band, bandKeys, limit: settings.bucketLimit, from: from, into: &lists)
            for id in lists.documents where touched.sortedContains(id) { ids.append(id) }
        }
        guard !ids.isEmpty else { return ([], common) }
        ids.sort()
        ids.removeDuplicatesInSortedArray()
        return (try source.candidates(ids), common)
    }

    /// The common fingerprints among `hashes`, as the latest document's lookup counts them.
    public func common(_ hashes: [UInt64], in source: some PostingSource) throws(ArchiveError) -> Set<UInt64> {
        var from: Int64 = 1
        if window.isBounded, let latest = try source.windowClock() { from = try advance(to: latest, in: source) }
        return try common(hashes, from: from, in: source, keepingShared: false)
    }

    private static func emptyKeySet() -> PostingTable { PostingTable(capacity: 1 << 12) }

    /// Moves the clock to `time` if later; returns the first document a lookup reads.
    private func advance(to time: Double, in source: some PostingSource) throws(ArchiveError) -> Int64 {
        guard window.isBounded else { return 1 }
        if clock == nil { clock = try source.windowClock() ?? time }
        let now = max(clock!, time)
        clock = now
        let current = window.generation(now)
        if current != generation {
            generation = current
            windowStart = nil
            knownCommon = Self.emptyKeySet()
        }
        if windowStart == nil {
            windowStart = try source.firstDocument(windowTimeAtLeast: window.start(of: current - 1))
        }
        // (No stored document in the window yet: the text about to be added is its first.)
        return windowStart ?? .max
    }

    /// The common fingerprints; with `keepingShared`, `shared` is left holding the documents
    /// under enough of the others to be candidates, and `touched` those under one or more.
    private func common(_ hashes: [UInt64], from: Int64, in source: some PostingSource,
                        keepingShared: Bool) throws(ArchiveError) -> Set<UInt64> {
        if knownCommon.count > Self.knownCommonLimit { knownCommon = Self.emptyKeySet() }
        // The buffers taken out of `self` while in use: each access to a property of a class
        // is checked for exclusivity at run time, and these are read per key and per document.
        let known = knownCommon
        var unknown = take(&self.unknown, leaving: []), lists = take(&self.lists, leaving: PostingLists())
        var shared = take(&self.shared, leaving: [])
        defer { (self.unknown, self.lists, self.shared) = (unknown, lists, shared) }
        var out = Set<UInt64>()
        unknown.removeAll(keepingCapacity: true)
        let anyKnown = known.count > 0
        for hash in hashes {
            if anyKnown, known.count(of: UInt32(truncatingIfNeeded: hash)) > 0 { out.insert(hash) } else { unknown.append(hash) }
        }
        lists.removeAll()
        try source.earliest(.passage, unknown, limit: settings.bucketLimit, from: from, into: &lists)
        shared.removeAll(keepingCapacity: true)
        let limit = settings.commonFingerprintClusters, minCount = settings.passageMinCount
        var counter = take(&self.counter, leaving: DocumentCounter())
        defer { self.counter = counter }
        counter.reset(forPostings: lists.documents.count)
        // (Each list read in place: a slice per key retained and released the whole buffer.)
        for i in unknown.indices {
            let range = lists.range(i)
            if range.count > limit, try spanMoreClusters(lists.documents[range], than: limit, in: source) {
                known.insert(UInt32(truncatingIfNeeded: unknown[i]), 0)
                out.insert(unknown[i])
            } else if keepingShared {
                lists.documents.withUnsafeBufferPointer { counter.add(UnsafeBufferPointer(rebasing: $0[range])) }
            }
        }
        guard keepingShared else { return out }
        var touched = take(&self.touched, leaving: [])
        touched.removeAll(keepingCapacity: true)
        touched.append(contentsOf: counter.documents)
        touched.sort()
        self.touched = touched
        for document in touched where counter.count(of: document) >= minCount { shared.append(document) }
        return out
    }

    /// Moves a buffer out of its property, leaving `empty`, so that changing it does not copy it.
    private func take<T>(_ buffer: inout T, leaving empty: T) -> T {
        let out = buffer
        buffer = empty
        return out
    }

    /// Whether `documents` lie in more than `limit` clusters. The first `limit` + 1 are
    /// asked first: the items of a template are each a cluster of their own, so they
    /// answer at once, and each cluster asked is a read of the store.
    private func spanMoreClusters(_ documents: ArraySlice<Int64>, than limit: Int,
                                  in source: some PostingSource) throws(ArchiveError) -> Bool {
        if source.clustersAreInMemory {
            // All at once (at most `bucketLimit`), counted distinct by a scan of those seen: a
            // much-copied story's passages are asked about with every copy, each in one cluster.
            let clusters = try source.clusters(of: Array(documents))
            return clusters.withUnsafeBufferPointer { c in
                withUnsafeTemporaryAllocation(of: Int64.self, capacity: limit + 1) { seen in
                    var distinct = 0
                    for cluster in c where !UnsafeBufferPointer(rebasing: seen[..<distinct]).contains(cluster) {
                        seen[distinct] = cluster
                        distinct += 1
                        if distinct > limit { return true }
                    }
                    return false
                }
            }
        }
        // (A few ids: counted distinct after a sort, without hashing them into a set.)
        func distinct(_ ids: [Int64]) -> Int {
            var sorted = ids.sorted()
            sorted.removeDuplicatesInSortedArray()
            return sorted.count
        }
        let first = try self.clusters(of: documents.prefix(limit + 1), in: source)
        let rest = documents.dropFirst(limit + 1), count = distinct(first)
        guard count <= limit, count + rest.count > limit else { return count > limit }
        return distinct(first + (try self.clusters(of: rest, in: source))) > limit
    }

    /// The clusters of `documents`, in their order; a database is asked only about those not remembered.
    private func clusters(of documents: ArraySlice<Int64>, in source: some PostingSource) throws(ArchiveError) -> [Int64] {
        if source.clustersAreInMemory { return try source.clusters(of: Array(documents)) }
        if knownClusters.count > Self.knownClustersLimit { knownClusters.removeAll() }
        let unknown = documents.filter { knownClusters[$0] == nil }
        if !unknown.isEmpty {
            for (document, cluster) in zip(unknown, try source.clusters(of: unknown)) { knownClusters[document] = cluster }
        }
        return documents.map { knownClusters[$0]! }
    }
}
