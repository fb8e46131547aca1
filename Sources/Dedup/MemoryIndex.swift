import Archive
import Normalizer

/// The duplicate index held in memory: what `ingestd dedup` looks candidates up in. It is
/// a `PostingSource` like the archive, and keeps the same data under the same rules, so
/// the two decide alike (the store contract suite checks it, document by document).
///
/// Guarantees: keys are index keys (32 bits, `Fingerprints.indexKey`), kept whole; a band key or passage fingerprint keeps its
/// earliest `bucketLimit` documents, which is all that `CandidateSearch` ever reads of it;
/// document ids are 1-based positions in arrival order, and a cluster's id is its first
/// document's. A cluster's canonical is its oldest member, as in the archive
/// (`ArchiveStore.takeOverIfOlder`): a member published before the canonical (both dated)
/// takes over, and the former canonical takes the newcomer's relation to it; without both
/// dates, the one seen first stays. Texts are not held here but
/// read through `textOf` when a candidate is verified.
///
/// With a time window (`IndexWindow`), band keys and passage fingerprints are held per
/// generation, each keeping its earliest `bucketLimit` documents of the generation (which is
/// all that a lookup from the previous generation's first document on can read, as in
/// the archive), and only the last two generations are held: the index's memory is
/// bounded by the documents of two windows. Exact copies are found at any age.
public final class MemoryIndex: PostingSource {
    /// The band and passage tables of the documents of one generation.
    private struct Generation {
        let number: Int64
        let bands: PostingTable
        let postings: PostingTable
    }

    /// The generations held, oldest first; one, numbered `Int64.min`, without a window.
    private var generations: [Generation]
    /// Documents by their text's `ContentHash.key`; a hit is confirmed on the text.
    private let contents = PostingTable()
    /// Per document (0-based): its cluster (the 1-based id of the cluster's first document).
    private var clusterOf: [UInt32] = []
    private var canonical: [Bool] = []
    /// Per document: its relation to its cluster, and its publication date (NaN when unknown).
    private var relations: [String] = []
    private var dates: [Double] = []
    /// Per document: its window time, and the clock once it had arrived (their running
    /// maximum, so in ascending order).
    private var times: [Double] = []
    private var clocks: [Double] = []
    /// Per cluster, at its id's place: its canonical document (1-based).
    private var canonicalOf: [UInt32] = []
    private let bucketLimit: Int
    private let textOf: (Int64) -> String

    /// `expected` sizes the tables for that many band keys and passage postings up front:
    /// growing them as documents arrive rehashes every entry again and again, and holds two
    /// tables at once while it does.
    ///
    /// Both tables are sized to end `PostingTable.missHeavyLoad` full: most of a new text's
    /// band keys and passage fingerprints are new, and each such lookup walks to a free slot.
    public init(settings: DuplicateSettings, expected: (bandKeys: Int, postings: Int) = (0, 0),
                textOf: @escaping (Int64) -> String) {
        bucketLimit = settings.bucketLimit
        self.textOf = textOf
        // (With a window, a generation holds a part of what is expected: its tables grow.)
        let expected = settings.windowDays > 0 ? (bandKeys: 0, postings: 0) : expected
        generations = [Generation(number: .min, bands: PostingTable(capacity: max(1 << 16, Int(Double(expected.bandKeys) / PostingTable.missHeavyLoad))),
                                  postings: PostingTable(capacity: max(1 << 16, Int(Double(expected.postings) / PostingTable.missHeavyLoad))))]
    }

    public var documentCount: Int { clusterOf.count }

    /// Bytes held by the tables and the per-document cluster and flag (not the texts).
    public var indexBytes: Int {
        generations.reduce(0) { $0 + $1.bands.bytes + $1.postings.bytes }
            + contents.bytes + clusterOf.capacity * MemoryLayout<UInt32>.size
            + canonical.capacity + relations.capacity * MemoryLayout<String>.stride
            + (dates.capacity + times.capacity + clocks.capacity + canonicalOf.capacity / 2) * MemoryLayout<Double>.stride
    }

    /// Starts loading the table buckets that looking up and adding `prints` will read, so
    /// that the work a caller does in between (the exact-copy check, the facts) overlaps
    /// their memory latency. A hint only: lookups work the same without it.
    public func prefetch(_ prints: Fingerprints) {
        for generation in generations {
            generation.bands.prefetch(prints.bandKeys)
            generation.postings.prefetch(prints.passages)
        }
    }

    public func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, from: Int64, into lists: inout PostingLists) {
        // The (at most two) tables taken once, not per key: reaching them through the array
        // for each key retained and released them each time.
        let newest = generations[generations.count - 1], older = generations.count > 1 ? generations[generations.count - 2] : nil
        let last = kind == .band ? newest.bands : newest.postings
        let before = older.map { kind == .band ? $0.bands : $0.postings }
        let first = UInt32(clamping: max(0, from - 1))
        for key in keys {
            // Earliest first: the older generation's documents, then the newest's.
            var taken = 0
            if let before { before.appendDocuments(under: UInt32(truncatingIfNeeded: key), from: first, limit: limit, taken: &taken, into: &lists) }
            last.appendDocuments(under: UInt32(truncatingIfNeeded: key), from: first, limit: limit, taken: &taken, into: &lists)
            lists.endList()
        }
    }

    public func windowClock() -> Double? { clocks.last }

    public func firstDocument(windowTimeAtLeast time: Double) -> Int64? {
        var low = 0, high = clocks.count
        while low < high {
            let mid = (low + high) / 2
            if clocks[mid] < time { low = mid + 1 } else { high = mid }
        }
        return low < clocks.count ? Int64(low) + 1 : nil
    }

    public func windowTime(of document: Int64) -> Double? {
        times.indices.contains(Int(document - 1)) ? times[Int(document - 1)] : nil
    }

    public var clustersAreInMemory: Bool { true }

    public func clusters(of documents: [Int64]) -> [Int64] {
        documents.map { Int64(clusterOf[Int($0 - 1)]) }
    }

    public func candidates(_ documents: [Int64]) -> [Candidate] {
        documents.map { id in
            let doc = Int(id - 1)
            return Candidate(documentID: id, clusterID: Int64(clusterOf[doc]), isCanonical: canonical[doc],
                             text: { [textOf] in textOf(id) })
        }
    }

    /// The document already indexed with exactly this text, if any, and its cluster.
    public func document(withContent key: UInt32, text: String) -> (id: Int64, cluster: Int64)? {
        var found: UInt32?
        contents.forEach(key) { doc in
            if found == nil, textOf(Int64(doc) + 1) == text { found = doc }
        }
        return found.map { (Int64($0) + 1, Int64(clusterOf[Int($0)])) }
    }

    /// A document's relation to its cluster as it stands now (`canonical` for its canonical).
    public func relation(of documentID: Int64) -> String { relations[Int(documentID - 1)] }

    /// A cluster's canonical document as it stands now.
    public func canonical(ofCluster clusterID: Int64) -> Int64 { Int64(canonicalOf[Int(clusterID - 1)]) }

    /// Indexes a new document published at `date` (seconds; NaN when unknown), with its
    /// window time and the generation the window's clock is in once it has arrived
    /// (`CandidateSearch.generation`); returns its id and its cluster's. `formerRelation` is
    /// what the cluster's canonical becomes should this document take over from it.
    public func add(contentKey: UInt32, _ prints: Fingerprints, placement: ClusterChoice, date: Double,
                    time: Double, generation: Int64,
                    formerRelation: (Int64) -> String) -> (id: Int64, cluster: Int64) {
        let doc = UInt32(clusterOf.count)
        let cluster: UInt32
        dates.append(date)
        times.append(time)
        clocks.append(max(clocks.last ?? -.infinity, time))
        if generation != generations[generations.count - 1].number { begin(generation) }
        canonicalOf.append(doc + 1)
        switch placement {
        case .ownCluster:
            cluster = doc + 1
            canonical.append(true)
            relations.append("canonical")
        case let .join(id, relation):
            cluster = UInt32(id)
            let former = Int(canonicalOf[Int(id - 1)] - 1)
            // (Any comparison with NaN is false: without both dates, the one seen first stays.)
            if date < dates[former] {
                canonical[former] = false
                relations[former] = formerRelation(Int64(former + 1))
                canonicalOf[Int(id - 1)] = doc + 1
                canonical.append(true)
                relations.append("canonical")
            } else {
                canonical.append(false)
                relations.append(relation)
            }
        }
        clusterOf.append(cluster)
        contents.insert(contentKey, doc)
        // A document is indexed once under a key, as the archive does (two bands may share a key).
        var bandKeys = prints.bandKeys
        bandKeys.sort()
        bandKeys.removeDuplicatesInSortedArray()
        let current = generations[generations.count - 1]
        for key in bandKeys { current.bands.insert(UInt32(truncatingIfNeeded: key), doc, ifFewerThan: bucketLimit) }
        for hash in prints.passages { current.postings.insert(UInt32(truncatingIfNeeded: hash), doc, ifFewerThan: bucketLimit) }
        return (Int64(doc) + 1, Int64(cluster))
    }

    /// Starts the tables of a new generation, sized as the last one ended, and lets go of
    /// those that no lookup reads again (older than the one before it).
    private func begin(_ number: Int64) {
        let last = generations[generations.count - 1]
        generations.append(Generation(number: number, bands: PostingTable(capacity: max(1 << 12, Int(Double(last.bands.count) / PostingTable.missHeavyLoad))),
                                      postings: PostingTable(capacity: max(1 << 12, Int(Double(last.postings.count) / PostingTable.missHeavyLoad)))))
        generations.removeAll { $0.number + 1 < number }
    }
}
