import Archive
import Normalizer

/// The archive's duplicate indexes held in memory, for measuring the dedup stage alone
/// (`ingestd bench dedup`), without SQLite, as the peer benchmarks run.
///
/// Same answers as the archive: LSH band lookups, passage postings, commonness counted in
/// distinct clusters. Document ids are 1-based positions in arrival order.
final class InMemoryCandidateIndex: CandidateIndex {
    private var bands: [[UInt64: [Int64]]]
    private var postings: [UInt64: [Int64]] = [:]
    private var texts: [String] = []
    private var clusters: [Int64] = []
    private var canonical: [Bool] = []
    private var byContent: [String: Int64] = [:]

    init(bands: Int) {
        self.bands = Array(repeating: [:], count: bands)
    }

    func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                    minSharedPassages: Int) -> [Candidate] {
        var ids = Set<Int64>()
        for (band, key) in bandKeys.enumerated() { ids.formUnion(bands[band][key] ?? []) }
        var shared: [Int64: Int] = [:]
        for hash in passageHashes where !common.contains(hash) {
            for id in postings[hash] ?? [] { shared[id, default: 0] += 1 }
        }
        ids.formUnion(shared.filter { $0.value >= minSharedPassages }.keys)
        return ids.sorted().map { id in
            let i = Int(id - 1)
            return Candidate(documentID: id, clusterID: clusters[i], isCanonical: canonical[i], text: texts[i])
        }
    }

    func commonPassages(_ hashes: [UInt64], clusterLimit: Int) -> Set<UInt64> {
        Set(hashes.filter { hash in
            guard let ids = postings[hash], ids.count > clusterLimit else { return false }
            return Set(ids.map { clusters[Int($0 - 1)] }).count > clusterLimit
        })
    }

    /// The cluster of the document already indexed with exactly this text, if any.
    func cluster(ofContent contentHash: String) -> Int64? {
        byContent[contentHash].map { clusters[Int($0 - 1)] }
    }

    /// Indexes a new document and returns its cluster id.
    func add(_ text: String, _ prints: Fingerprints, placement: ClusterChoice) -> Int64 {
        let id = Int64(texts.count + 1)
        texts.append(text)
        byContent[prints.contentHash] = id
        switch placement {
        case .ownCluster:
            clusters.append(id)
            canonical.append(true)
        case let .join(cluster, _):
            clusters.append(cluster)
            canonical.append(false)
        }
        for (band, key) in prints.bandKeys.enumerated() { bands[band][key, default: []].append(id) }
        for hash in prints.passages { postings[hash, default: []].append(id) }
        return clusters[Int(id - 1)]
    }
}
