@testable import Normalizer
import Testing

struct TokenizerTests {
    private func quotedWords(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return Tokenizer.tokens(text).filter(\.quoted).map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test(arguments: [
        ("He said “we will stay” and left.", ["we", "will", "stay"]),
        ("He said \"we will stay\" and left.", ["we", "will", "stay"]),
        ("Il a dit «nous restons» puis est parti.", ["nous", "restons"]),
        ("Er sagte „wir bleiben“ und ging.", ["wir", "bleiben"]),
        ("Er sagte „wir bleiben” und ging.", ["wir", "bleiben"]),
        ("Han sa »vi blir« och gick.", ["vi", "blir"]),
    ])
    func quotationMarksOfEveryStyle(text: String, quoted: [String]) {
        #expect(quotedWords(text) == quoted)
    }

    @Test func apostrophesAreNotQuotes() {
        #expect(quotedWords("The US’s reply came on Turkey’s day.").isEmpty)
    }

    @Test func anUnclosedQuoteEndsWithItsParagraph() {
        #expect(quotedWords("“We will stay,\nsaid nobody") == ["We", "will", "stay"])
    }

    @Test func wordsAreLowercasedAndSplitOnPunctuation() {
        let a = Tokenizer.tokens("In Syria- where Moscow"), b = Tokenizer.tokens("in syria where moscow")
        #expect(a.map(\.hash) == b.map(\.hash))
        #expect(Tokenizer.tokens("İstanbul İSTANBUL").count == 2)
    }
}

/// The byte-level tokenizer gives exactly the tokens of a plain scalar-by-scalar reading of
/// its rules, on random texts with every kind of word, separator and quotation mark.
struct TokenizerReferenceTests {
    /// The rules as `Tokenizer` documents them, one Unicode scalar at a time.
    static func reference(_ text: String) -> [Token] {
        var tokens: [Token] = [], quotes = ReferenceQuotes()
        var sentenceStart = true, word: (hash: UInt64, start: Int, quoted: Bool, fact: Token.Fact, capitalized: Bool)?
        var offset = 0
        func close(at end: Int) {
            guard let w = word else { return }
            tokens.append(Token(hash: StableHash.mix(w.hash), quoted: w.quoted, fact: w.fact, capitalized: w.capitalized,
                                start: w.start, end: end))
            word = nil
            sentenceStart = false
        }
        for s in text.unicodeScalars {
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || s == "_" {
                if word == nil {
                    let fact: Token.Fact = p.numericType != nil ? .number : p.isUppercase && !sentenceStart ? .name : .none
                    word = (StableHash.fnvOffset, offset, quotes.inside, fact, p.numericType == nil && p.isUppercase)
                }
                for byte in p.lowercaseMapping.utf8 { word!.hash = StableHash.fnvStep(word!.hash, byte) }
            } else {
                close(at: offset)
                if s == "\n" {
                    quotes = ReferenceQuotes()
                    sentenceStart = true
                } else {
                    let was = quotes.inside
                    quotes.consume(s.value)
                    if ".!?:".unicodeScalars.contains(s) || quotes.inside != was { sentenceStart = true }
                }
            }
            offset += String(s).utf8.count
        }
        close(at: offset)
        return tokens
    }

    struct ReferenceQuotes {
        var closers: [UInt32] = []
        var inside: Bool { !closers.isEmpty }
        mutating func consume(_ s: UInt32) {
            if inside {
                if closers.contains(s) || (closers.count == 1 && s == 0) { closers = [] }
                return
            }
            switch s {
            case 0x201C: closers = [0x201D, 0x201C]
            case 0x201D: closers = [0x201D]
            case 0x201E: closers = [0x201C, 0x201D]
            case 0x00AB: closers = [0x00BB]
            case 0x00BB: closers = [0x00AB]
            case 0x22: closers = [0x22]
            default: break
            }
        }
    }

    static let pieces = ["the", "Moscow", "İstanbul", "ÉTÉ", "straße", "Путин", "東京", "e\u{301}", "x_y", "2019", "٣",
                         "½", " ", "  ", ", ", ". ", "! ", "? ", ": ", "; ", "-", "’s", "'", "\"", "“", "”", "„", "«",
                         "»", "\n", "\n\n", "\t", "\u{0}", "(", ")", "😀", "\u{A0}", "—", "Ⅻ", "ǅ",
                         // Long words, so that runs of word bytes cross 8- and 64-byte boundaries.
                         "Tomorrow", "tomorrows", "Internationalization", "A1B2C3D4E5"]

    @Test func randomTextsTokenizeAsTheScalarReading() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...90, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            let tokens = Tokenizer.tokens(text)
            #expect(tokens == Self.reference(text), "\(text.debugDescription)")
            if tokens != Self.reference(text) { return }
        }
    }
}

/// Every scalar of two UTF-8 bytes, and of General Punctuation (read without the Unicode
/// tables too), alone, opening a word, inside one and after a capital, gives the tokens the
/// scalar-by-scalar reading of the rules gives.
struct TokenizerTwoByteScalarTests {
    @Test func everyTwoByteScalarReadsAsItsPropertiesSay() {
        for v in Array(UInt32(0x80)..<0x800) + Array(UInt32(0x1FF0)..<0x2080) {
            guard let s = Unicode.Scalar(v) else { continue }
            for text in ["\(s)", "x \(s)b. \(s)", "Ab\(s)c \(s)\(s)", "\"\(s)9 D\(s)\""] {
                #expect(Tokenizer.tokens(text) == TokenizerReferenceTests.reference(text), "U+\(String(v, radix: 16))")
            }
        }
    }
}
