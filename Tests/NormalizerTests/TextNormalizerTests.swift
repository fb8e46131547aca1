import Normalizer
import Testing

/// `TextNormalizer.document` recognizes text already in normal form without rebuilding it,
/// and gives exactly what normalizing each paragraph gives in every other case.
struct TextNormalizerTests {
    private func slow(_ raw: String) -> String {
        TextNormalizer.paragraphs(raw).joined(separator: "\n\n")
    }

    @Test(arguments: [
        "Plain ASCII text.\n\nA second paragraph, with “curly quotes” — and a dash.",
        "Türkçe: İstanbul’da ağır şartlar. Русский текст тоже.",
        "  leading space",
        "trailing space ",
        "double  space",
        "one\nline break",
        "three\n\n\nline breaks",
        "tab\there",
        "crlf\r\n\r\nparagraphs",
        "no-break\u{00A0}space",
        "soft\u{00AD}hyphen",
        "combining e\u{0301} accent",
        "zero\u{200B}width",
        "\n\nleading breaks",
        "",
        "emoji 👍 four bytes",
    ])
    func documentEqualsParagraphByParagraphNormalization(raw: String) {
        #expect(TextNormalizer.document(raw) == slow(raw))
    }

    /// Every non-ASCII scalar of the plane that most text is in, inside a text: the fast
    /// check keeps it only where normalizing would have kept it too.
    @Test func everyScalarOfTheBasicPlaneAgreesWithParagraphNormalization() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let raw = "Ab " + String(scalar) + " word\n\nnext"
            #expect(TextNormalizer.document(raw) == slow(raw), "U+\(String(value, radix: 16))")
        }
    }

    /// Random texts built from the characters the fast check decides on (spaces and line
    /// breaks next to each other, controls, DEL, stable and unstable non-ASCII) at every
    /// offset of its 8-byte steps.
    @Test func randomTextsAgreeWithParagraphNormalization() {
        let pieces = ["word", "Ab", "x", "1.5", " ", " ", "  ", "\n", "\n\n", "\n\n\n", " \n\n", "\t", "\u{7F}",
                      "\u{01}", "é", "e\u{0301}", "\u{00A0}", "—", "日本", "~", "\r\n"]
        var state: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3_000 {
            var raw = ""
            for _ in 0..<(1 + next(30)) {
                // Mostly words and single spaces, so that long runs reach the 8-byte path.
                raw += next(3) == 0 ? pieces[next(pieces.count)] : (next(2) == 0 ? "word" : " ")
            }
            #expect(TextNormalizer.document(raw) == slow(raw), "\(Array(raw.utf8))")
        }
    }
}
