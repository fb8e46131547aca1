import Foundation

/// The Normalizer stage's entry point: raw page bytes or plain text in, `Article` out.
///
/// Pure: no files, no network, no database; the same input and settings always give the
/// same article. Safe to share across threads.
public struct Normalizer: Sendable {
    public let settings: NormalizerSettings

    public init(settings: NormalizerSettings = NormalizerSettings()) {
        self.settings = settings
    }

    /// Extracts the article from an HTML page. `charset` is the HTTP header's, if any.
    public func article(html: Data, url: String? = nil, charset: String? = nil) throws(NormalizerError) -> Article {
        try ArticleExtractor(settings: settings).extract(html, url: url, declaredCharset: charset)
    }

    /// Reads plain text: one paragraph per non-empty line; the title is the first paragraph
    /// of headline length (`plainTitleWords`), which also stays in the text.
    public func article(plainText: String) -> Article {
        let paragraphs = self.paragraphs(plainText: plainText)
        let title = paragraphs.first { settings.plainTitleWords.contains($0.split(separator: " ").count) }
        return Article(title: title, paragraphs: paragraphs,
                       language: LanguageDetector(settings: settings).language(ofParagraphs: paragraphs))
    }

    /// The paragraphs of `article(plainText:)`, without reading a title or a language: the
    /// text that a deduplication without an archive compares, the same as an import's.
    public func paragraphs(plainText: String) -> [String] {
        settings.boilerplate.clean(TextNormalizer.paragraphs(plainText))
    }

    /// Chooses HTML or plain text by content type, falling back to sniffing the bytes.
    public func article(bytes: Data, contentType: String?, url: String? = nil) throws(NormalizerError) -> Article {
        let type = contentType?.lowercased() ?? ""
        let charset = contentType.flatMap(CharsetSniffer.charset(fromContentType:))
        let looksHTML = type.contains("html") || (!type.contains("text/plain") && Self.sniffsHTML(bytes))
        if looksHTML { return try article(html: bytes, url: url, charset: charset) }
        guard bytes.count <= settings.maxInputBytes else { throw .tooLarge(bytes: bytes.count, limit: settings.maxInputBytes) }
        if bytes.prefix(4096).contains(0) { throw .binary }
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
        return article(plainText: text)
    }

    private static func sniffsHTML(_ bytes: Data) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") || head.contains("<p>")
    }
}
