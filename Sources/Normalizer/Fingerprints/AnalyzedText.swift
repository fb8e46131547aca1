/// A normalized text with its tokens and word-shingle hashes: what fingerprints are made
/// of. (`ComparableText` adds what an exact comparison needs.)
///
/// `shingles[i]` hashes the words `tokens[i ..< i + shingleWords]`; a text shorter than
/// one shingle has a single shingle made of all its words (the peers' rule), and an empty
/// text has none.
public struct AnalyzedText: Sendable {
    public let text: String
    public let tokens: [Token]
    public let shingles: [UInt64]
    public let shingleWords: Int

    public init(_ text: String, shingleWords: Int) {
        self.text = text
        self.shingleWords = shingleWords
        let tokens = Tokenizer.tokens(text)
        self.tokens = tokens
        self.shingles = Self.shingleHashes(tokens, k: shingleWords)
    }

    /// The text of tokens `range`, exactly as written (punctuation and quotes included).
    public func excerpt(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        // Token offsets fall between scalars, and a native string moves by UTF-8 offsets in
        // constant time: only the excerpt is copied, not the whole text.
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: tokens[range.lowerBound].start)
        let to = utf8.index(from, offsetBy: tokens[range.upperBound - 1].end - tokens[range.lowerBound].start)
        return String(text[from..<to])
    }

    static func shingleHashes(_ tokens: [Token], k: Int) -> [UInt64] {
        if tokens.isEmpty { return [] }
        let count = tokens.count >= k ? tokens.count - k + 1 : 1
        let width = min(k, tokens.count)
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            tokens.withUnsafeBufferPointer { t in
                // The sum Σ h[i + j]·B^(width − 1 − j) rolls from one shingle to the next in two
                // multiplies (word hashes are mixed already, so the sum of distinct windows
                // differs but by chance); one mix per shingle spreads it.
                let b = StableHash.shingleBase
                var top: UInt64 = 1, sum: UInt64 = 0
                for j in 0..<width {
                    sum = sum &* b &+ t[j].hash
                    if j > 0 { top = top &* b }
                }
                let seed = UInt64(width)
                out[0] = StableHash.mix(sum ^ seed)
                for i in 1..<count {
                    sum = (sum &- t[i - 1].hash &* top) &* b &+ t[i + width - 1].hash
                    out[i] = StableHash.mix(sum ^ seed)
                }
            }
            initialized = count
        }
    }
}
