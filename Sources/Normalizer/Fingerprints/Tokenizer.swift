/// Splits text into lowercased word tokens with their quotation state and positions.
///
/// A word is a maximal run of letters, digits and combining marks; everything else
/// separates words (so "Syria-where" is two words and "US’s" is "us" and "s").
/// This matches the `[^\w\s]+ → space` rule of the peer benchmarks, so shingle figures
/// are comparable. A line break ends a paragraph and resets the quotation state.
/// A word starting with a digit is a number; a capitalized word is a name unless it opens
/// a sentence, a paragraph or a quotation. A word's hash is `StableHash.word` of its
/// lowercased UTF-8.
///
/// Works on UTF-8 bytes: ASCII (most of the text in most languages' news, counting
/// spaces and punctuation) costs one table lookup per byte; other scalars are decoded and
/// looked up in the Unicode tables.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(utf8: $0) }
    }

    /// Tokens of valid UTF-8 (as a Swift string's storage always is).
    public static func tokens(utf8 p: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(p.count / 6)
        var quotes = QuoteTracker()
        var sentenceStart = true
        var inWord = false
        var hash: UInt64 = 0, start = 0, quoted = false, fact = Token.Fact.none
        let n = p.count
        var i = 0

        func open(_ first: FirstLetter) {
            inWord = true
            hash = StableHash.fnvOffset
            start = i
            quoted = quotes.isInside
            switch first {
            case .number: fact = .number
            case .upperCase: fact = sentenceStart ? .none : .name
            case .none: fact = .none
            }
        }
        func close() {
            guard inWord else { return }
            tokens.append(Token(hash: StableHash.mix(hash), quoted: quoted, fact: fact, start: start, end: i))
            inWord = false
            sentenceStart = false
        }
        func separator(_ s: UInt32) {
            close()
            if s == 0x0A {
                quotes.reset()
                sentenceStart = true
                return
            }
            let wasInside = quotes.isInside
            quotes.consume(s)
            if s == 0x2E || s == 0x21 || s == 0x3F || s == 0x3A || quotes.isInside != wasInside {
                sentenceStart = true
            }
        }

        while i < n {
            let b = p[i]
            if b < 0x80 {
                guard isASCIIWordByte(b) else {
                    separator(UInt32(b))
                    i += 1
                    continue
                }
                if !inWord { open(b &- 0x30 < 10 ? .number : b &- 0x41 < 26 ? .upperCase : .none) }
                // The bulk of the work: a run of ASCII word bytes, hashed in a tight loop.
                var h = hash
                repeat {
                    let c = p[i]
                    h = StableHash.fnvStep(h, c &- 0x41 < 26 ? c | 0x20 : c)
                    i += 1
                } while i < n && isASCIIWordByte(p[i])
                hash = h
            } else {
                let (value, width) = UTF8Scalar.decode(p, at: i)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if isWordScalar(scalar) {
                    if !inWord { open(factKind(scalar)) }
                    for byte in scalar.properties.lowercaseMapping.utf8 { hash = StableHash.fnvStep(hash, byte) }
                } else {
                    separator(scalar.value)
                }
                i += width
            }
        }
        close()
        return tokens
    }

    /// ASCII digits, letters and `_` make words (as `\w` does).
    @inline(__always)
    private static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x5F
    }

    /// What a word's first letter says about it: a digit makes a number, a capital
    /// (away from a sentence start) a name.
    private enum FirstLetter {
        case none, number, upperCase
    }

    private static func factKind(_ first: Unicode.Scalar) -> FirstLetter {
        let p = first.properties
        if p.numericType != nil { return .number }
        return p.isUppercase ? .upperCase : .none
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}
