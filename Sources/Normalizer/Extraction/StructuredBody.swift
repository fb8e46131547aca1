/// The JSON-LD `articleBody`, taken over the DOM extraction only when the page confirms it.
///
/// Guarantees: it is used only when (1) it holds at least `minArticleWords` words and no
/// markup; (2) its first and its last `jsonLDConfirmWords` words each appear, in order, in
/// the page's own text, so a stale or foreign body is never taken; and (3) it holds at least
/// `jsonLDPreferenceRatio` times the words the DOM gave, which is when the DOM missed text.
enum StructuredBody {
    static func paragraphs(_ body: String, pageText: String, domWords: Int, settings: NormalizerSettings) -> [String]? {
        guard !body.contains("<") else { return nil }
        let paragraphs = TextNormalizer.paragraphs(body)
        let words = paragraphs.flatMap { $0.split(separator: " ") }
        guard words.count >= settings.minArticleWords,
              Double(words.count) >= settings.jsonLDPreferenceRatio * Double(max(1, domWords)) else { return nil }
        let n = min(settings.jsonLDConfirmWords, words.count)
        let head = words.prefix(n).joined(separator: " "), tail = words.suffix(n).joined(separator: " ")
        guard pageText.contains(head), pageText.contains(tail) else { return nil }
        return paragraphs
    }
}
