/// Where new documents look for their duplicates: the archive's LSH bands and passage
/// postings. The live archive and a rebuild in progress both answer these questions.
public protocol CandidateIndex {
    /// Archived documents that share an LSH band with `bandKeys`, or at least
    /// `minSharedPassages` passage fingerprints (ignoring `common` ones), with their texts.
    /// Only the `bucketLimit` earliest documents of a band bucket or a fingerprint count, so
    /// the cost grows with the archive's size only through its number of index segments,
    /// O(log n): per band and per fingerprint, one block read from each segment whose Bloom
    /// filter may hold the key (see `IndexLookup`).
    func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                    minSharedPassages: Int, bucketLimit: Int) throws(ArchiveError) -> [Candidate]

    /// The fingerprints among `hashes` already seen in more than `clusterLimit` clusters:
    /// stock phrases and boilerplate rather than evidence of a shared story. Each lookup
    /// stops as soon as `clusterLimit` + 1 clusters are found.
    func commonPassages(_ hashes: [UInt64], clusterLimit: Int) throws(ArchiveError) -> Set<UInt64>
}

extension ArchiveStore: CandidateIndex {
    public func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                           minSharedPassages: Int, bucketLimit: Int) throws(ArchiveError) -> [Candidate] {
        try read { db in
            try CandidateQueries.candidates(db, bandKeys: bandKeys, passageHashes: passageHashes, common: common,
                                            minSharedPassages: minSharedPassages, bucketLimit: bucketLimit, before: nil)
        }
    }

    public func commonPassages(_ hashes: [UInt64], clusterLimit: Int) throws(ArchiveError) -> Set<UInt64> {
        try read { db in try ArchiveSnapshot(db: db).commonPassages(hashes, clusterLimit: clusterLimit) }
    }
}
