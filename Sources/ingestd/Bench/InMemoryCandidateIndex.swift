import Archive
import Normalizer

/// The archive's duplicate indexes held in memory, for measuring the dedup stage alone
/// (`ingestd bench dedup`), without SQLite, as the peer benchmarks run.
///
/// Same answers as the archive (LSH band lookups, passage postings, commonness counted
/// in distinct clusters, at most `bucketLimit` documents per band bucket or fingerprint).
/// A bucket stores no more than its limit, and a fingerprint seen in more clusters than
/// the limit is marked common once and no longer stored, so lookups stay short. Keys are
/// the low 32 bits of the archive's 64-bit keys; texts are not held here but fetched
/// through `textOf` when a candidate is verified. Document ids are 1-based positions in
/// arrival order.
final class InMemoryCandidateIndex: CandidateIndex {
    private let bands: PostingTable
    private let postings: PostingTable
    private let common = PostingTable(capacity: 1 << 10)
    /// One bit per value of a key's top 20 bits, set for every common fingerprint: most
    /// lookups of the common table stop here, in 128 KB that stay in the second-level cache.
    /// (With only 16 bits, a million documents' common fingerprints would set most of the
    /// bits and the filter would stop almost nothing.)
    private var commonBits = [UInt64](repeating: 0, count: 1 << 14)
    /// Documents by the first 32 bits of their text's SHA-256; a hit is confirmed on the text.
    private let contents = PostingTable()
    /// Per document (0-based): its cluster (the 1-based id of the cluster's canonical).
    private var clusters: [UInt32] = []
    private var canonical: [Bool] = []
    private var sketches: [FactSketch] = []
    private let clusterLimit: Int
    private let bucketLimit: Int
    private let textOf: (Int64) -> String

    /// `expected` sizes the tables for that many band keys and passage postings up front (the
    /// postings estimate runs high, since common and repeated fingerprints are not stored,
    /// so it is taken as the capacity itself): growing them as documents arrive rehashed
    /// every entry again and again (a fifth of the time at 100k documents) and held two
    /// tables at once while it did.
    ///
    /// The band table is sized to end `bandLoad` full, not `PostingTable.maxLoad`: every
    /// document looks up all its band keys and misses on nearly all, and a miss walks to
    /// the first bucket with a free slot. After 990k documents, at 0.885 full, that walk
    /// took 7.0 buckets (counted), and 1.9 at 0.75: the main reason the last documents of a
    /// million took longer than those of ten thousand. It costs 57 bytes a document.
    init(clusterLimit: Int, bucketLimit: Int, expected: (bandKeys: Int, postings: Int) = (0, 0),
         textOf: @escaping (Int64) -> String) {
        self.clusterLimit = clusterLimit
        self.bucketLimit = bucketLimit
        self.textOf = textOf
        bands = PostingTable(capacity: max(1 << 16, Int(Double(expected.bandKeys) / Self.bandLoad)))
        postings = PostingTable(capacity: max(1 << 16, expected.postings))
    }

    /// How full the band table is once every expected band key is stored.
    static let bandLoad = 0.75

    var documentCount: Int { clusters.count }

    /// Bytes held by the tables and the per-document cluster, flag and sketch (not the texts).
    var indexBytes: Int {
        bands.bytes + postings.bytes + common.bytes + commonBits.count * MemoryLayout<UInt64>.size
            + clusters.capacity * MemoryLayout<UInt32>.size + canonical.capacity
            + sketches.capacity * MemoryLayout<FactSketch>.stride
            + contents.bytes
    }

    /// Starts loading the table buckets that looking up and adding `prints` will read, so
    /// that the work a caller does in between (the exact-copy check, the facts) overlaps
    /// their memory latency. A hint only: `candidates` and `add` work the same without it.
    func prefetch(_ prints: Fingerprints) {
        bands.prefetch(prints.bandKeys)
        postings.prefetch(prints.passages)
    }

    func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                    minSharedPassages: Int, bucketLimit: Int) -> [Candidate] {
        var ids: [UInt32] = []
        for key in bandKeys { bands.forEach(UInt32(truncatingIfNeeded: key)) { ids.append($0) } }
        var shared: [UInt32] = []
        for hash in passageHashes where common.isEmpty || !common.contains(hash) {
            postings.forEach(UInt32(truncatingIfNeeded: hash)) { shared.append($0) }
        }
        shared.sort()
        var run = 0
        for i in shared.indices {
            run = i > 0 && shared[i] == shared[i - 1] ? run + 1 : 1
            if run == minSharedPassages { ids.append(shared[i]) }
        }
        guard !ids.isEmpty else { return [] }
        ids.sort()
        ids.removeDuplicatesInSortedArray()
        return ids.map { doc in
            let id = Int64(doc) + 1
            return Candidate(documentID: id, clusterID: Int64(clusters[Int(doc)]), isCanonical: canonical[Int(doc)],
                             text: { [textOf] in textOf(id) })
        }
    }

    func commonPassages(_ hashes: [UInt64], clusterLimit: Int) -> Set<UInt64> {
        var out = Set<UInt64>()
        guard common.count > 0 else { return out }
        for hash in hashes where isCommon(UInt32(truncatingIfNeeded: hash)) { out.insert(hash) }
        return out
    }

    @inline(__always)
    private func isCommon(_ key: UInt32) -> Bool {
        commonBits[Int(key >> 18)] & (1 << (key >> 12 & 63)) != 0 && common.count(of: key) > 0
    }

    /// The cluster of the document already indexed with exactly this text, if any.
    func cluster(ofContent key: UInt32, text: String) -> Int64? {
        var found: UInt32?
        contents.forEach(key) { doc in
            if found == nil, textOf(Int64(doc) + 1) == text { found = doc }
        }
        return found.map { Int64(clusters[Int($0)]) }
    }

    /// The sketch of an indexed document's numbers and names.
    func sketch(of documentID: Int64) -> FactSketch { sketches[Int(documentID - 1)] }

    /// Indexes a new document and returns its cluster id.
    func add(contentKey: UInt32, _ prints: Fingerprints, sketch: FactSketch, placement: ClusterChoice) -> Int64 {
        let doc = UInt32(clusters.count)
        let cluster: UInt32
        switch placement {
        case .ownCluster:
            cluster = doc + 1
            canonical.append(true)
        case let .join(id, _):
            cluster = UInt32(id)
            canonical.append(false)
        }
        clusters.append(cluster)
        sketches.append(sketch)
        contents.insert(contentKey, doc)
        for key in prints.bandKeys {
            let key32 = UInt32(truncatingIfNeeded: key)
            bands.insert(key32, doc, ifFewerThan: bucketLimit)
        }
        for hash in prints.passages { addPosting(UInt32(truncatingIfNeeded: hash), doc, cluster: cluster) }
        return Int64(cluster)
    }

    /// Stores a posting, or marks the fingerprint common when it would reach more than
    /// `clusterLimit` distinct clusters.
    private func addPosting(_ key: UInt32, _ doc: UInt32, cluster: UInt32) {
        // Most fingerprints are new: one walk stores them. A common one always has postings
        // (it was marked when a document would have added to them), so it is not new.
        let stored = postings.insert(key, doc, ifFewerThan: 1)
        if stored == 0 { return }
        if isCommon(key) { return }
        var seen: [UInt32] = [cluster]
        postings.forEach(key) { other in
            let c = clusters[Int(other)]
            if !seen.contains(c) { seen.append(c) }
        }
        if seen.count > clusterLimit {
            common.insert(key, 0)
            commonBits[Int(key >> 18)] |= 1 << (key >> 12 & 63)
        } else if stored < bucketLimit {
            postings.insert(key, doc)
        }
    }
}
