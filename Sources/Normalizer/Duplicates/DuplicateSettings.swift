/// Every tunable of duplicate detection, with the defaults we measured.
///
/// Guarantees: `validate()` rejects any combination under which the stated guarantees
/// would not hold (for instance a passage length shorter than what winnowing can promise
/// to catch). Defaults and their reasons:
/// - `shingleWords` 5 and `minhashPermutations` 128 in `lshBands` 32 bands of 4 rows:
///   the LSH S-curve's midpoint is (1/32)^(1/4) ≈ 0.42, just under `syndicatedJaccard`.
/// - `syndicatedContainment` 0.8 with `syndicatedMinWords` 30: a trimmed copy keeps most
///   of its shingles inside the original; very short texts are left to Jaccard alone.
/// - `winnowWindow` 6: with 5-word shingles, any shared run of 6 + 5 − 1 = 10 words is
///   guaranteed to share a selected fingerprint, so a pair sharing two such runs is always
///   a candidate. Density is 2 / (6 + 1) ≈ 0.29 fingerprints per word.
/// - `passageMinWords` 8: once a pair is a candidate (through a longer run, or a band),
///   the judge counts every shared run of 8 words or more. Wire rewrites keep passages of
///   7–15 words; counting only runs that winnowing guarantees (10) missed a fifth of the
///   rewrites of real articles, and counting 7 merged more unrelated reports.
/// - `passageMinCount` 2: the seeds' Sochi pair shares two 13-word wire passages;
///   every other seed pair shares at most one shingle run of that length.
/// - `commonFingerprintClusters` 5: a fingerprint seen in more clusters than this is a
///   stock phrase or boilerplate, not evidence (counted in clusters, not documents, so a
///   story syndicated fifty times keeps its own passages distinctive).
/// - `bucketLimit` 16: only the 16 earliest documents of an LSH band bucket or of a
///   passage fingerprint are candidates, so a lookup costs the same whatever the archive's
///   size. A bucket that full holds one template or one much-copied story; a new document
///   still meets its earliest members, which is where it attaches. Each candidate is
///   compared exactly, and a templated item shares its buckets with every earlier item of
///   its template: 64 found the same clusters on real text at 1.7 times the work.
/// - `factMinAgreement` 0.5 over `factMinCount` 2: copies of one story report the same
///   numbers and names. When both texts have at least 2 numbers (or 2 names), at least
///   half of the smaller set must appear in the other for the facts to agree; when they do
///   not, only shared passages that do not stop at differing facts count (see
///   `DuplicateJudge`): a rewrite's added background brings other facts, a template's
///   other values sit right beside its fixed wording.
/// - `windowDays` 0: no time window, every archived document can be a candidate. A
///   positive value bounds candidate search and the in-memory index to the documents of
///   the last one or two windows (`Dedup.IndexWindow`), for archives that grow forever:
///   news copies appear within days.
public struct DuplicateSettings: Sendable, Equatable, Codable {
    public var shingleWords = 5
    public var minhashPermutations = 128
    public var lshBands = 32
    public var winnowWindow = 6
    public var syndicatedJaccard = 0.5
    public var syndicatedContainment = 0.8
    public var syndicatedMinWords = 30
    public var passageMinWords = 8
    public var passageMinCount = 2
    public var commonFingerprintClusters = 5
    public var bucketLimit = 16
    public var factMinCount = 2
    public var factMinAgreement = 0.5
    public var windowDays = 0.0

    public init() {}

    public var lshRows: Int { minhashPermutations / lshBands }

    /// About how many band keys and passage fingerprints a corpus of `lines` texts in
    /// `bytes` bytes indexes, to size in-memory tables up front: every text has `lshBands`
    /// band keys, and winnowing keeps about 2 / (window + 1) of a text's words, at about
    /// 6.5 bytes a word with its space.
    public func expectedKeys(lines: Int, bytes: Int) -> (bandKeys: Int, postings: Int) {
        (lines * lshBands, Int(Double(bytes) / 6.5 * 2 / Double(winnowWindow + 1)))
    }

    /// What decides the index keys stored for a text (band keys and passage hashes): the
    /// hashing, versioned as `keys/3` (FNV-1a words finished by splitmix, shingles as a
    /// rolling sum (`AnalyzedText`), one-permutation MinHash, the band fold, keys cut to 32
    /// bits), and the settings that shape keys. Keys made under two schemes never match, so an
    /// archive records its scheme and takes no new documents under another until `clusters
    /// rebuild` recomputes its keys. The version must change with any of those functions
    /// (`keys/2` folded each shingle word by word).
    public var indexScheme: String {
        "keys/3 shingle_words=\(shingleWords) minhash_permutations=\(minhashPermutations) lsh_bands=\(lshBands) "
            + "winnow_window=\(winnowWindow)"
    }

    /// The longest shared run that winnowing is guaranteed to catch.
    public var guaranteedRunWords: Int { winnowWindow + shingleWords - 1 }

    public func validate() throws(SettingsError) {
        func require(_ ok: Bool, _ why: String) throws(SettingsError) {
            if !ok { throw SettingsError(message: why) }
        }
        try require(shingleWords >= 1, "dedup.shingle_words must be at least 1")
        try require(minhashPermutations >= 1, "dedup.minhash_permutations must be at least 1")
        try require(lshBands >= 1 && minhashPermutations % lshBands == 0,
                    "dedup.lsh_bands must divide dedup.minhash_permutations (\(minhashPermutations))")
        try require(winnowWindow >= 1, "dedup.winnow_window must be at least 1")
        try require(passageMinWords >= shingleWords,
                    "dedup.passage_min_words must be at least dedup.shingle_words (\(shingleWords))")
        try require(passageMinCount >= 1, "dedup.passage_min_count must be at least 1")
        try require((0...1).contains(syndicatedJaccard) && (0...1).contains(syndicatedContainment),
                    "dedup.syndicated_jaccard and dedup.syndicated_containment must be between 0 and 1")
        try require(commonFingerprintClusters >= 1, "dedup.common_fingerprint_clusters must be at least 1")
        try require(bucketLimit >= 1, "dedup.bucket_limit must be at least 1")
        try require(factMinCount >= 1, "dedup.fact_min_count must be at least 1")
        try require((0...1).contains(factMinAgreement), "dedup.fact_min_agreement must be between 0 and 1")
        try require(windowDays >= 0 && windowDays.isFinite, "dedup.window_days must be 0 (no window) or a positive number of days")
    }

    /// The names of the settings in a config file's `dedup` section.
    public static var configKeys: [String] { CodingKeys.allCases.map(\.rawValue) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case shingleWords = "shingle_words", minhashPermutations = "minhash_permutations"
        case lshBands = "lsh_bands", winnowWindow = "winnow_window"
        case syndicatedJaccard = "syndicated_jaccard", syndicatedContainment = "syndicated_containment"
        case syndicatedMinWords = "syndicated_min_words"
        case passageMinWords = "passage_min_words", passageMinCount = "passage_min_count"
        case commonFingerprintClusters = "common_fingerprint_clusters", bucketLimit = "bucket_limit"
        case factMinCount = "fact_min_count", factMinAgreement = "fact_min_agreement"
        case windowDays = "window_days"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DuplicateSettings()
        shingleWords = try c.decodeIfPresent(Int.self, forKey: .shingleWords) ?? d.shingleWords
        minhashPermutations = try c.decodeIfPresent(Int.self, forKey: .minhashPermutations) ?? d.minhashPermutations
        lshBands = try c.decodeIfPresent(Int.self, forKey: .lshBands) ?? d.lshBands
        winnowWindow = try c.decodeIfPresent(Int.self, forKey: .winnowWindow) ?? d.winnowWindow
        syndicatedJaccard = try c.decodeIfPresent(Double.self, forKey: .syndicatedJaccard) ?? d.syndicatedJaccard
        syndicatedContainment = try c.decodeIfPresent(Double.self, forKey: .syndicatedContainment) ?? d.syndicatedContainment
        syndicatedMinWords = try c.decodeIfPresent(Int.self, forKey: .syndicatedMinWords) ?? d.syndicatedMinWords
        passageMinWords = try c.decodeIfPresent(Int.self, forKey: .passageMinWords) ?? d.passageMinWords
        passageMinCount = try c.decodeIfPresent(Int.self, forKey: .passageMinCount) ?? d.passageMinCount
        commonFingerprintClusters = try c.decodeIfPresent(Int.self, forKey: .commonFingerprintClusters) ?? d.commonFingerprintClusters
        bucketLimit = try c.decodeIfPresent(Int.self, forKey: .bucketLimit) ?? d.bucketLimit
        factMinCount = try c.decodeIfPresent(Int.self, forKey: .factMinCount) ?? d.factMinCount
        factMinAgreement = try c.decodeIfPresent(Double.self, forKey: .factMinAgreement) ?? d.factMinAgreement
        windowDays = try c.decodeIfPresent(Double.self, forKey: .windowDays) ?? d.windowDays
    }
}
