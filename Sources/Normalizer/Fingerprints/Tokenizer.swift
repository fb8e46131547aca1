/// Splits text into lowercased word tokens with their quotation state and positions.
///
/// A word is a maximal run of letters, digits and combining marks; everything else
/// separates words (so "Syria-where" is two words and "US’s" is "us" and "s").
/// This matches the `[^\w\s]+ → space` rule of the peer benchmarks, so shingle figures
/// are comparable. A line break ends a paragraph and resets the quotation state.
/// A word starting with a digit is a number; a capitalized word is a name unless it opens
/// a sentence, a paragraph or a quotation.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var quotes = QuoteTracker()
        var word: [UInt8] = []
        var wordStart = 0
        var wordQuoted = false
        var wordFact = Token.Fact.none
        var sentenceStart = true
        var offset = 0

        func flush(at end: Int) {
            guard !word.isEmpty else { return }
            tokens.append(Token(hash: StableHash.word(word), quoted: wordQuoted, fact: wordFact, start: wordStart, end: end))
            word.removeAll(keepingCapacity: true)
            sentenceStart = false
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if word.isEmpty {
                    wordStart = offset
                    wordQuoted = quotes.isInside
                    wordFact = factKind(scalar, sentenceStart: sentenceStart)
                }
                appendLowercased(scalar, to: &word)
            } else {
                flush(at: offset)
                if scalar == "\n" {
                    quotes.reset()
                    sentenceStart = true
                } else {
                    let wasInside = quotes.isInside
                    quotes.consume(scalar)
                    if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" || quotes.isInside != wasInside {
                        sentenceStart = true
                    }
                }
            }
            offset += width
        }
        flush(at: offset)
        return tokens
    }

    @inline(__always)
    private static func factKind(_ first: Unicode.Scalar, sentenceStart: Bool) -> Token.Fact {
        if first.isASCII {
            if (0x30...0x39).contains(first.value) { return .number }
            return !sentenceStart && (0x41...0x5A).contains(first.value) ? .name : .none
        }
        if first.properties.numericType != nil { return .number }
        if !sentenceStart && first.properties.isUppercase { return .name }
        return .none
    }

    @inline(__always)
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    @inline(__always)
    private static func appendLowercased(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        if s.isASCII {
            var v = UInt8(s.value)
            if v >= 0x41 && v <= 0x5A { v += 32 }
            bytes.append(v)
        } else {
            bytes.append(contentsOf: s.properties.lowercaseMapping.utf8)
        }
    }
}
