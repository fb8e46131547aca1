import Foundation
@testable import Normalizer
import Testing

/// The fast paths of extraction give the same answers as the slow general ones they skip.
struct TextFastPathTests {
    @Test func textTheCheckPassesIsUnchangedByNFC() {
        var passed = 0
        for value in UInt32(0x20)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = "a" + String(scalar) + "b"
            if !CompositionCheck.mayChange(s) {
                passed += 1
                #expect(s.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(s.unicodeScalars), "U+\(String(value, radix: 16))")
            }
        }
        #expect(passed > 100_000)
        #expect(CompositionCheck.mayChange("Cafe\u{301}"))
        #expect(!CompositionCheck.mayChange("Путин и Эрдоган встретились в Сочи — «переговоры» идут"))
    }

    @Test func paragraphsSplitOnBytesAsOnScalars() {
        let breaks = ["\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n\n"]
        let pieces = ["Putin and Erdoğan met in Sochi.", "  spaced  out  ", "", "Cafe\u{301} « quoted »", "\u{2027}\u{2030} near misses",
                      "\u{84}\u{86}", "日本語のテキスト", " ", "end"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)! + breaks.randomElement(using: &generator)!
            }.joined()
            let byScalars = text.unicodeScalars.split(omittingEmptySubsequences: true) { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) }
                .map { TextNormalizer.paragraph(String($0)) }.filter { !$0.isEmpty }
            #expect(TextNormalizer.paragraphs(text) == byScalars, "\(text.debugDescription)")
        }
    }

    @Test func phraseBucketsAnswerLikeOneAlternation() throws {
        let patterns = BoilerplateRules.defaultPatterns + ["Photo: .{1,80}", "a?bc", "x|yz", "(?i)zed", "İlan"]
        let matcher = PhraseMatcher(patterns: patterns)
        let all = try NSRegularExpression(pattern: "^(?:" + patterns.map { "(?:\($0))" }.joined(separator: "|") + ")$",
                                          options: [.caseInsensitive])
        let samples = [
            "Abone Ol", "Haberi okuyun ve abone ol", "Leave a Reply", "LEAVE A COMMENT", "Subscribe", "Read more: the ferry is back",
            "İlgili Haberler", "ilgili haberler", "Читайте также: новости", "Photo: Jane Doe", "bc", "abc", "yz", "x", "ZED",
            "© 2024 Harbour Post. All rights reserved.", "(c) 2019 Tarn Radio", "Copyright 2020 Orsa", "Abone ol", "The ferry leaves at eleven.", "12 comments", "Advertisement", "İlan", "",
        ]
        // Across the length tiers: at, and one past, the most each bounded pattern can match.
        let long = [
            String(repeating: "x", count: 40) + " abone ol", String(repeating: "x", count: 39) + " abone ol",
            "Discover more from " + String(repeating: "q", count: 100), "Discover more from " + String(repeating: "q", count: 101),
            "We use cookies" + String(repeating: " to", count: 53), "We use cookies" + String(repeating: " to", count: 54),
            "Read more: " + String(repeating: "ferry ", count: 26), "Читайте также: " + String(repeating: "н", count: 158),
            "© 2024 " + String(repeating: "Harbour ", count: 10) + "All rights reserved.", "İLGİLİ HABERLER", "Photo: " + String(repeating: "é", count: 80),
        ]
        for s in samples + long {
            #expect(matcher.matches(s) == (all.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil), "\(s)")
        }
        #expect(PatternGate(pattern: "subscribe( now)?") == .contains(Array("subscribe".utf8)))
        #expect(PatternGate(pattern: "a?bc") == .contains(Array("bc".utf8)))
        #expect(PatternGate(pattern: "x|yz") == nil)
        #expect(PatternGate(pattern: "(read more|see also):? .{1,9}") == .startsWith([Array("read more".utf8), Array("see also".utf8)]))
        #expect(PatternGate(pattern: "(share|tweet)( (article|story))?:?") == .startsWith([Array("share".utf8), Array("tweet".utf8)]))
        #expect(PatternGate.requiredLiteral(".{0,40}abone ol") == Array("abone ol".utf8))
        #expect(PatternGate.requiredLiteral(#"(\d+ )?comments?"#) == Array("comment".utf8))
        #expect(PatternGate.requiredLiteral(#".{0,60}\(c\) ?\d{4}"#) == Array("(c)".utf8))
        #expect(PatternGate.requiredLiteral("x|yz") == nil)
    }
}

/// `TextNormalizer.paragraph` on bytes gives what the Unicode properties say, for every scalar.
struct ParagraphByteLoopTests {
    private func reference(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for s in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            if s.properties.isWhitespace {
                pending = !out.isEmpty
                continue
            }
            if s.properties.generalCategory == .control || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD].contains(s.value) { continue }
            if pending {
                out.append(" ")
                pending = false
            }
            out.append(s)
        }
        return String(out)
    }

    @Test func everyScalarIsTreatedAsItsPropertiesSay() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = "  Öz " + String(scalar) + "\u{A0}x\t"
            #expect(TextNormalizer.paragraph(s) == reference(s), "U+\(String(value, radix: 16))")
        }
        for s in ["e\u{301}te", "\u{FEFF}Сочи\u{2003}встреча\u{200B}", "İlgili\u{3000}Haberler"] {
            #expect(TextNormalizer.paragraph(s) == reference(s))
        }
    }

    /// The length limit of boilerplate paragraphs, counted on bytes, agrees with `utf16.count`
    /// on every mix of one- to four-byte scalars, at the limit and either side of it.
    @Test func paragraphLengthsCountedOnBytesAreUTF16Lengths() throws {
        let pieces = ["a", " ", "é", "’", "Я", "—", "中", "😀", "e\u{301}"]
        var words = [UInt64(12345)]
        for length in stride(from: 190, through: 610, by: 1) {
            var s = ""
            while s.utf8.count < length {
                words[0] = words[0] &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(words[0] >> 33) % pieces.count]
            }
            for limit in [s.utf16.count - 1, s.utf16.count, s.utf16.count + 1] where limit > 0 {
                let rules = try BoilerplateRules(patterns: [".+"], maxParagraphCharacters: limit)
                #expect(rules.matches(s) == (s.utf16.count <= limit), "\(s.utf8.count) bytes, limit \(limit)")
            }
        }
    }

    /// Lowercasing on bytes gives `String.lowercased()` wherever it answers, for every scalar
    /// of the BMP and a few beyond, alone and inside a word; it answers for the capitals of
    /// Latin, Greek and Cyrillic script.
    @Test func lowercasingOnBytesIsStringLowercasing() {
        var answered = 0
        for value in Array(UInt32(0)...0xFFFF) + [0x1F600, 0x10400, 0x1D400] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for s in [String(scalar), "Ab" + String(scalar) + "Ç’d"] {
                guard let (lowered, scalars) = Self.lowercasedOnBytes(s) else { continue }
                answered += 1
                #expect(lowered == Array(s.lowercased().utf8), "U+\(String(value, radix: 16))")
                #expect(scalars == s.unicodeScalars.count)
            }
        }
        #expect(answered > 2 * 60_000)
        // Eight ASCII bytes at a time: every ASCII byte at every place of a word, next to
        // other text.
        for byte in UInt8(0)..<0x80 {
            for place in 0..<8 {
                var word = Array("@Z[`az{~".utf8)
                word[place] = byte
                for s in [String(decoding: word, as: UTF8.self), "Q" + String(decoding: word + word, as: UTF8.self) + "Ç"] {
                    let (lowered, scalars) = Self.lowercasedOnBytes(s)!
                    #expect(lowered == Array(s.lowercased().utf8) && scalars == s.unicodeScalars.count, "\(byte) at \(place)")
                }
            }
        }
        for capital in ["É", "Я", "Ω", "Ğ"] { #expect(Self.lowercasedOnBytes(capital) != nil, "\(capital)") }
        for needsMore in ["İ", "\u{212A}", "Σ"] { #expect(Self.lowercasedOnBytes(needsMore) == nil, "\(needsMore)") }
    }

    private static func lowercasedOnBytes(_ s: String) -> ([UInt8], Int)? {
        var s = s
        return s.withUTF8 { bytes in
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            defer { out.deallocate() }
            return ByteLowercase.lowercase(bytes, into: out).map { (Array(UnsafeBufferPointer(start: out, count: $0.bytes)), $0.scalars) }
        }
    }
}
