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
        // Words are written straight into the array, sized for the most a text can hold (a
        // word and a separator take two bytes at least): copying them over from a buffer of
        // their own cost as much as tokenizing ASCII words.
        [Token](unsafeUninitializedCapacity: p.count / 2 + 1) { out, initialized in
            initialized = scan(p, into: out.baseAddress!)
        }
    }

    /// Writes the tokens of `p` from `out` on; returns how many.
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<Token>) -> Int {
        var scan = Scan(buffer: out)
        let classes = asciiClasses, n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            var c = classes[Int(b)]
            if c >= wordClass {
                if !scan.inWord { scan.open(at: i, b &- 0x30 < 10 ? .number : b &- 0x41 < 26 ? .upperCase : .none) }
                // The bulk of the work: a run of ASCII word bytes, lowercased by the table,
                // hashed with everything in registers.
                var h = scan.hash, j = i
                repeat {
                    h = StableHash.fnvStep(h, c)
                    j += 1
                    guard j < n else { break }
                    c = classes[Int(p[j])]
                } while c >= wordClass
                scan.hash = h
                i = j
            } else if c == plainSeparator {
                // Spaces, commas and the like: they end a word and change nothing else.
                scan.close(at: i)
                i += 1
            } else if b < 0x80 {
                scan.separator(UInt32(b), at: i)
                i += 1
            } else if b < 0xE0, case let e = twoByteScalars[Int(b & 0x1F) << 6 | Int(p[i + 1] & 0x3F)], e & simpleLowercase != 0 {
                // Two bytes (Latin, Greek, Cyrillic, Hebrew, Arabic, …), read from the table.
                if e & wordScalar != 0 {
                    if !scan.inWord { scan.open(at: i, FirstLetter(rawValue: UInt8(e >> 29 & 3))!) }
                    let lower = e & 0x7FF
                    if lower < 0x80 {
                        scan.hash = StableHash.fnvStep(scan.hash, UInt8(lower))
                    } else {
                        scan.hash = StableHash.fnvStep(StableHash.fnvStep(scan.hash, UInt8(0xC0 | lower >> 6)), UInt8(0x80 | lower & 0x3F))
                    }
                } else {
                    scan.separator(UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), at: i)
                }
                i += 2
            } else if b == 0xE2, p[i + 1] == 0x80 || (p[i + 1] == 0x81 && p[i + 2] < 0xB0) {
                // General Punctuation (U+2000...U+206F: spaces, dashes, curly quotes, the
                // ellipsis), in nearly every paragraph of news, and none of it a word scalar.
                scan.separator(0x2000 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), at: i)
                i += 3
            } else {
                let (value, width) = UTF8Scalar.decode(p, at: i)
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                if isWordScalar(scalar) {
                    if !scan.inWord { scan.open(at: i, factKind(scalar)) }
                    for byte in scalar.properties.lowercaseMapping.utf8 { scan.hash = StableHash.fnvStep(scan.hash, byte) }
                } else {
                    scan.separator(scalar.value, at: i)
                }
                i += width
            }
        }
        scan.close(at: n)
        return scan.count
    }

    /// The tokenizer's state between bytes: the tokens so far, the word being read, and
    /// the quotation and sentence state that the next word will take.
    ///
    /// Tokens go into the caller's memory, which has room for every word (an array's append
    /// checked uniqueness through a runtime call for every word).
    private struct Scan {
        private let buffer: UnsafeMutablePointer<Token>
        private(set) var count = 0
        var quotes = QuoteTracker()
        var sentenceStart = true
        var inWord = false
        var hash: UInt64 = 0, start = 0, quoted = false, fact = Token.Fact.none, capitalized = false

        init(buffer: UnsafeMutablePointer<Token>) {
            self.buffer = buffer
        }

        mutating func open(at i: Int, _ first: FirstLetter) {
            inWord = true
            hash = StableHash.fnvOffset
            start = i
            quoted = quotes.isInside
            capitalized = first == .upperCase
            switch first {
            case .number: fact = .number
            case .upperCase: fact = sentenceStart ? .none : .name
            case .none: fact = .none
            }
        }

        @inline(__always)
        mutating func close(at i: Int) {
            guard inWord else { return }
            (buffer + count).initialize(to: Token(hash: StableHash.mix(hash), quoted: quoted, fact: fact,
                                                    capitalized: capitalized, start: start, end: i))
            count += 1
            inWord = false
            sentenceStart = false
        }

        mutating func separator(_ s: UInt32, at i: Int) {
            close(at: i)
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
    }

    /// Per byte: an ASCII word byte (digit, letter, `_`, as `\w`) maps to itself lowercased,
    /// which is at least `wordClass`; an ASCII separator that touches neither quotation nor
    /// sentence state maps to `plainSeparator`; every other byte (line break, sentence
    /// punctuation, the straight quote, NUL, and all bytes of non-ASCII scalars) to `special`.
    /// Allocated once, never written after and never freed, so the scan reads it through a
    /// plain pointer (an array's access went through a closure that kept the scan's
    /// position in memory).
    nonisolated(unsafe) private static let asciiClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            table[b] = if byte >= 0x80 || [0x00, 0x0A, 0x21, 0x22, 0x2E, 0x3A, 0x3F].contains(byte) {
                special
            } else if (byte | 0x20) &- 0x61 < 26 {
                byte | 0x20
            } else if byte &- 0x30 < 10 || byte == 0x5F {
                byte
            } else {
                plainSeparator
            }
        }
        return UnsafePointer(table)
    }()
    private static let special: UInt8 = 0, plainSeparator: UInt8 = 1, wordClass: UInt8 = 0x30

    /// Per scalar of two UTF-8 bytes (U+0080...U+07FF), at its value, what the Unicode tables
    /// say, read once: `wordScalar`; its first-letter kind in bits 29 and 30; and, with
    /// `simpleLowercase`, its lowercase mapping, a single scalar below U+0800, in the low 11
    /// bits. Without `simpleLowercase` (a mapping of several scalars, as for U+0130) the
    /// tables are asked as for any other scalar. Looking the properties up took most of
    /// tokenizing text in Cyrillic, Greek or Arabic script.
    nonisolated(unsafe) private static let twoByteScalars: UnsafePointer<UInt32> = {
        let table = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x800)
        for v in 0..<0x800 {
            guard v >= 0x80, let scalar = Unicode.Scalar(v) else {
                table[v] = 0
                continue
            }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            guard lower.count == 1, let l = lower.first, l.value < 0x800 else {
                table[v] = 0
                continue
            }
            table[v] = simpleLowercase | l.value | (isWordScalar(scalar) ? wordScalar | UInt32(factKind(scalar).rawValue) << 29 : 0)
        }
        return UnsafePointer(table)
    }()
    private static let wordScalar: UInt32 = 1 << 31, simpleLowercase: UInt32 = 1 << 28

    /// What a word's first letter says about it: a digit makes a number, a capital
    /// (away from a sentence start) a name.
    private enum FirstLetter: UInt8 {
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
