/// An analyzed text prepared for exact comparison with others, built only for texts that
/// have candidates (most texts have none and never pay for it).
///
/// Guarantees: `shingleTable` finds the text's shingles by hash, so that another text's
/// shared shingles and runs are found by looking each of its shingles up (`ShingleOverlap`);
/// `distinctShingles` counts distinct hashes; `numbers` and
/// `names` are the distinct hashes of the text's facts, ascending; `winnowed` are the
/// text's winnowed fingerprints with their positions, as index keys (`Fingerprints.indexKey`).
public struct ComparableText: Sendable {
    public let analyzed: AnalyzedText
    public let shingleTable: ShingleTable
    public var distinctShingles: Int { shingleTable.distinct }
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
        shingleTable = ShingleTable(analyzed.shingles)
        self.facts = facts ?? TextFacts(analyzed)
        // As the index keeps them, so that the archive's common fingerprints are recognized.
        winnowed = Winnowing.fingerprints(analyzed.shingles, window: winnowWindow).map {
            Winnowing.Fingerprint(hash: Fingerprints.indexKey($0.hash), position: $0.position)
        }
    }
}
