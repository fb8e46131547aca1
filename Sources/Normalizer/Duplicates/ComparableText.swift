/// An analyzed text prepared for exact comparison with others, built only for texts that
/// have candidates (most texts have none and never pay for it).
///
/// Guarantees: `shingleTable` finds the text's shingles by hash, so that another text's
/// shared shingles and runs are found by looking each of its shingles up (`ShingleOverlap`);
/// `distinctShingles` counts distinct hashes; `numbers` and
/// `names` are the distinct hashes of the text's facts, ascending; `winnowed` are the
/// text's winnowed fingerprints with their positions, as index keys (`Fingerprints.indexKey`).
public struct ComparableText: Sendable {
    /// The text itself (two equal texts are exact copies).
    public let text: String
    public let shingleWords: Int
    public let shingleTable: ShingleTable
    public var distinctShingles: Int { shingleTable.distinct }
    public let facts: TextFacts
    public let winnowed: [Winnowing.Fingerprint]
    /// The words' hashes in text order, side by side: shared runs are walked word by word
    /// on them. Of the tokens nothing else is kept but `wordFlags` (a token is 32 bytes, and
    /// a cache of prepared texts held mostly tokens).
    let wordHashes: [UInt64]
    /// Per word: `quotedFlag`, `capitalizedFlag`, and its `Token.Fact` shifted by `factShift`.
    let wordFlags: [UInt8]

    static let quotedFlag: UInt8 = 1, capitalizedFlag: UInt8 = 2, factShift: UInt8 = 2

    public var wordCount: Int { wordHashes.count }
    public var numbers: [UInt64] { facts.numbers }
    public var names: [UInt64] { facts.names }

    /// `facts` must be the text's own, when the caller has them already.
    public init(_ analyzed: AnalyzedText, facts: TextFacts? = nil, winnowWindow: Int) {
        text = analyzed.text
        shingleWords = analyzed.shingleWords
        (wordHashes, wordFlags) = analyzed.tokens.withUnsafeBufferPointer { t in
            ([UInt64](unsafeUninitializedCapacity: t.count) { out, count in
                for i in t.indices { out[i] = t[i].hash }
                count = t.count
            },
             [UInt8](unsafeUninitializedCapacity: t.count) { out, count in
                for i in t.indices {
                    out[i] = (t[i].quoted ? Self.quotedFlag : 0) | (t[i].capitalized ? Self.capitalizedFlag : 0)
                        | t[i].fact.rawValue << Self.factShift
                }
                count = t.count
            })
        }
        shingleTable = ShingleTable(analyzed.shingles)
        self.facts = facts ?? TextFacts(analyzed)
        // As the index keeps them, so that the archive's common fingerprints are recognized.
        var winnowed = Winnowing.fingerprints(analyzed.shingles, window: winnowWindow)
        for i in winnowed.indices { winnowed[i].hash = Fingerprints.indexKey(winnowed[i].hash) }
        self.winnowed = winnowed
    }

    func isQuoted(_ word: Int) -> Bool { wordFlags[word] & Self.quotedFlag != 0 }
    func isCapitalized(_ word: Int) -> Bool { wordFlags[word] & Self.capitalizedFlag != 0 }
    func isFact(_ word: Int) -> Bool { wordFlags[word] >> Self.factShift != Token.Fact.none.rawValue }
}
