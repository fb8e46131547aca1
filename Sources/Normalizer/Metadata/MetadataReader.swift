import Foundation
import Markup

/// Collects `PageMetadata` from the HTML event stream: `<meta>` (Open Graph, article:*, Dublin
/// Core, author, description), `<link rel=canonical>`, `<html lang>`, `<title>`, the first
/// `<h1>`, `<time datetime>` and JSON-LD blocks (see `JSONLDReader`).
///
/// Guarantees: reads only what the page declares (no network); captured text is capped at
/// `maxCapturedBytes` per element, so a hostile page cannot make it hold more.
struct MetadataReader {
    private enum Capture { case none, title, headline, jsonLD, byline }

    private(set) var metadata = PageMetadata()
    private var capture = Capture.none
    private var captureDepth = 0
    private var buffer: [UInt8] = []
    private var timeDates: [String] = []
    private var byline: String?
    private let bylineMaxWords: Int

    init(bylineMaxWords: Int) { self.bylineMaxWords = bylineMaxWords }
    static let maxCapturedBytes = JSONLDReader.maxBytes

    /// `hints`: what the page tree read from the element's class and id (see `ClassHints`).
    mutating func startElement(_ tag: HTMLTag, _ attributes: MarkupAttributes, hints: ClassHints) {
        if capture == .headline || capture == .byline {
            captureDepth += 1
            return
        }
        if byline == nil, capture == .none, hints.contains(.byline)
            || (tag == .a && Self.value(attributes, "rel")?.lowercased().contains("author") == true) {
            begin(.byline)
            return
        }
        switch tag {
        case .html:
            if let lang = Self.value(attributes, "lang") { metadata.language = JSONLDReader.languageCode(lang) }
        case .meta: readMeta(attributes)
        case .link:
            if Self.value(attributes, "rel")?.lowercased() == "canonical", let href = Self.value(attributes, "href") {
                metadata.canonicalURL = metadata.canonicalURL ?? href
            }
        case .title where metadata.htmlTitle == nil: begin(.title)
        case .h1 where metadata.headline == nil: begin(.headline)
        case .time:
            if let d = Self.value(attributes, "datetime") { timeDates.append(d) }
        case .script:
            if Self.value(attributes, "type")?.lowercased().contains("ld+json") == true { begin(.jsonLD) }
        default: break
        }
    }

    mutating func endElement() {
        guard capture != .none else { return }
        captureDepth -= 1
        guard captureDepth == 0 else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        switch capture {
        case .title: metadata.htmlTitle = TextNormalizer.paragraph(text)
        case .headline: metadata.headline = metadata.headline ?? TextNormalizer.paragraph(text)
        case .jsonLD: JSONLDReader.read(buffer, into: &metadata)
        case .byline: byline = Self.bylineName(TextNormalizer.paragraph(text), maxWords: bylineMaxWords)
        case .none: break
        }
        capture = .none
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capture != .none, buffer.count + bytes.count <= Self.maxCapturedBytes else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The metadata, with `<time>` dates after the declared ones, and the visible byline when
    /// the page declares no author.
    func finish() -> PageMetadata {
        var m = metadata
        m.publishedCandidates += timeDates
        if m.authors.isEmpty, let byline, !byline.isEmpty { m.addAuthor(byline) }
        return m
    }

    /// A byline's name: without "By", at most `bylineMaxWords` words and no digits (a date or a
    /// count is not a name); "" when it is not one.
    static func bylineName(_ text: String, maxWords: Int) -> String {
        var name = Substring(text)
        for prefix in ["By ", "by ", "BY "] where name.hasPrefix(prefix) { name = name.dropFirst(prefix.count) }
        let words = name.split(separator: " ").count
        guard (1...maxWords).contains(words), !name.contains(where: \.isNumber) else { return "" }
        return String(name)
    }

    private mutating func begin(_ kind: Capture) {
        capture = kind
        captureDepth = 1
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func readMeta(_ attributes: MarkupAttributes) {
        let key = (Self.value(attributes, "property") ?? Self.value(attributes, "name") ?? Self.value(attributes, "itemprop") ?? "")
            .lowercased()
        guard !key.isEmpty, let raw = Self.value(attributes, "content") else { return }
        let content = TextNormalizer.paragraph(raw)
        guard !content.isEmpty else { return }
        switch key {
        case "og:title": metadata.openGraphTitle = metadata.openGraphTitle ?? content
        case "og:site_name", "application-name": metadata.siteName = metadata.siteName ?? content
        case "og:url": metadata.canonicalURL = metadata.canonicalURL ?? content
        case "og:description", "description", "twitter:description": metadata.description = metadata.description ?? content
        case "og:locale", "language", "content-language", "dc.language":
            metadata.language = metadata.language ?? JSONLDReader.languageCode(content)
        case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author":
            metadata.addAuthor(content.hasPrefix("By ") ? String(content.dropFirst(3)) : content)
        case "article:published_time", "datepublished", "pubdate", "publish-date", "publishdate", "date", "dc.date.issued",
             "dc.date", "sailthru.date", "parsely-pub-date", "article.published", "og:published_time":
            metadata.publishedCandidates.insert(content, at: 0)
        case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified":
            metadata.modifiedCandidates.append(content)
        default: break
        }
    }

    private static func value(_ attributes: MarkupAttributes, _ name: StaticString) -> String? {
        var found: String?
        attributes.forEach { n, v in
            if found == nil, RawBytes.equal(n, name) { found = RawBytes.string(v) }
        }
        return found
    }
}
