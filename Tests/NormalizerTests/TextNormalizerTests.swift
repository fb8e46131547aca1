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
}
