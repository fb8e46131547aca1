/// An analyzed text prepared for exact comparison with others, built only for texts that
/// have candidates (most texts have none and never pay for it).
///
/// Guarantees: `sortedShingles` holds every shingle with its position, ordered by hash
/// then position, so shared shingles and shared runs are found by one merge
/// (`ShingleOverlap`), without hashing; `distinctShingles` counts distinct hashes; `numbers` and
/// `names` are the distinct hashes of the text's facts, ascending; `winnowed` are the
/// text's winnowed fingerprints with their positions, as index keys (`Fingerprints.indexKey`).
public struct ComparableText: Sendable {
    public struct PositionedShingle: Sendable {
        public var hash: UInt64
        public var position: Int32
    }

    public let analyzed: AnalyzedText
    public let sortedShingles: [PositionedShingle]
    public let distinctShingles: Int
    public let facts: TextFacts
    public let winnowed: [Winnowing.Fingerprint]
    /// The tokens' hashes in text order, side by side: shared runs are walked word by word
    /// on them (a token is 32 bytes, so walking the tokens read four times the memory).
    let wordHashes: [UInt64]

    public var numbers: [UInt64] { facts.numbers }
    public var names: [UInt64] { facts.names }

    /// `facts` must be the text's own, when the caller has them already.
    public init(_ analyzed: AnalyzedText, facts: TextFacts? = nil, winnowWindow: Int) {
        self.analyzed = analyzed
        wordHashes = analyzed.tokens.map(\.hash)
        let sorted = Self.sorted(analyzed.shingles)
        sortedShingles = sorted
        var distinct = 0
        for i in sorted.indices where i == 0 || sorted[i].hash != sorted[i - 1].hash { distinct += 1 }
        distinctShingles = distinct
        self.facts = facts ?? TextFacts(analyzed)
        // As the index keeps them, so that the archive's common fingerprints are recognized.
        winnowed = Winnowing.fingerprints(analyzed.shingles, window: winnowWindow).map {
            Winnowing.Fingerprint(hash: Fingerprints.indexKey($0.hash), position: $0.position)
        }
    }

    /// Shingles with positions, ordered by hash then position. Texts of fewer than 2²⁴
    /// shingles (all real ones) sort as plain integers: the hash's top 40 bits with the
    /// position below, then each run of equal top bits is put in full-hash order.
    private static func sorted(_ shingles: [UInt64]) -> [PositionedShingle] {
        guard shingles.count < 1 << 24 else {
            return shingles.enumerated().map { PositionedShingle(hash: $0.element, position: Int32($0.offset)) }
                .sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }
        }
        var packed = [UInt64](unsafeUninitializedCapacity: shingles.count) { out, n in
            for (i, h) in shingles.enumerated() { out[i] = h & ~0xFF_FFFF | UInt64(i) }
            n = shingles.count
        }
        RadixSort.sort(&packed, lowBits: 24)
        var out = packed.map { PositionedShingle(hash: shingles[Int($0 & 0xFF_FFFF)], position: Int32($0 & 0xFF_FFFF)) }
        // Equal top bits with different full hashes (rare): restore full-hash order.
        var start = 0
        for i in 1...out.count where i == out.count || packed[i] & ~0xFF_FFFF != packed[start] & ~0xFF_FFFF {
            if i - start > 1 { out[start..<i].sort { ($0.hash, $0.position) < ($1.hash, $1.position) } }
            start = i
        }
        return out
    }
}
