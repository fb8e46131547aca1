/// A 20-byte summary of a text's numbers and names: for each kind, a 64-bit Bloom filter
/// of the distinct fact hashes and their count.
///
/// Guarantees: `DuplicateJudge.mayRelate` with a sketch never rules out a pair that
/// `compare` would relate: a Bloom filter has no false negatives, so the facts the filter
/// lacks are certainly missing from the text. An index keeps sketches so that templated
/// items (same wording, other numbers and names) are rejected without reading their text.
public struct FactSketch: Sendable, Equatable {
    public var numbers: UInt64
    public var names: UInt64
    /// Distinct facts of each kind, saturating at `UInt16.max` (then nothing is ruled out).
    public var numberCount: UInt16
    public var nameCount: UInt16

    public init(_ facts: TextFacts) {
        numbers = Self.bits(facts.numbers)
        names = Self.bits(facts.names)
        numberCount = UInt16(clamping: facts.numbers.count)
        nameCount = UInt16(clamping: facts.names.count)
    }

    /// The filter bit of a fact hash.
    @inline(__always)
    static func bit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }

    private static func bits(_ hashes: [UInt64]) -> UInt64 {
        hashes.reduce(0) { $0 | bit($1) }
    }
}

extension AnalyzedText {
    /// The distinct hashes of the text's facts of one kind, ascending.
    public func factHashes(_ kind: Token.Fact) -> [UInt64] {
        var out = tokens.compactMap { $0.fact == kind ? $0.hash : nil }
        out.sort()
        out.removeDuplicatesInSortedArray()
        return out
    }
}
