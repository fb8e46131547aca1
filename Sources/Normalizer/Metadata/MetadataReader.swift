import Foundation
import Markup

/// Collects `PageMetadata` from the HTML event stream: `<meta>` (Open Graph, article:*, Dublin
/// Core, author, description), `<link rel=canonical>`, `<html lang>`, `<title>`, the first
/// `<h1>`, `<time datetime>` and JSON-LD blocks (see `JSONLDReader`), and the visible text where
/// pages write their date: elements named as dates, bylines, and the text just above and below
/// the headline (`PageMetadata.visibleDateTexts`).
///
/// Guarantees: reads only what the page declares (no network); captured text is capped at
/// `maxCapturedBytes` per element and the date texts at `dateTextBytes` each, so a hostile
/// page cannot make it hold more.
struct MetadataReader {
    private enum Capture { case none, title, headline, jsonLD, byline }

    private(set) var metadata = PageMetadata()
    private var capture = Capture.none
    private var captureDepth = 0
    private var buffer: [UInt8] = []
    private var timeDates: [String] = []
    private var byline: String?
    private var bylineTries = 0
    private let bylineMaxWords: Int
    static let maxBylineTries = 8
    /// Date texts: inside elements named as dates (nesting depth, texts so far), and the
    /// text before the first headline (the last `dateTextBytes`) and after it.
    private var dateDepth = 0
    private var dateTexts: [[UInt8]] = []
    private var beforeHeadline: [UInt8] = []
    private var afterHeadline: [UInt8] = []
    private var headlineState = 0  // 0 before the first h1, 1 inside it, 2 after it
    static let dateTextBytes = 400, maxDateTexts = 8

    init(bylineMaxWords: Int) { self.bylineMaxWords = bylineMaxWords }
    static let maxCapturedBytes = JSONLDReader.maxBytes

    /// `hints`: what the page tree read from the element's class and id (see `ClassHints`).
    mutating func startElement(_ tag: HTMLTag, _ attributes: MarkupAttributes, hints: ClassHints) {
        separateDateTexts()
        if dateDepth > 0 {
            dateDepth += 1
        } else if hints.contains(.dateline) || hints.contains(.byline), dateTexts.count < Self.maxDateTexts {
            dateDepth = 1
            dateTexts.append([])
        }
        if capture == .headline || capture == .byline {
            captureDepth += 1
            return
        }
        if byline == nil, bylineTries < Self.maxBylineTries, capture == .none,
           hints.contains(.byline) || Self.raw(attributes, "itemprop").map({ RawBytes.equal($0, "author") }) == true
            || (tag == .a && Self.isAuthorLink(attributes)) {
            bylineTries += 1
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
        case .h1 where headlineState == 0:
            // Read even when JSON-LD named the headline: the date windows hang from it.
            begin(.headline)
            headlineState = 1
        case .time:
            if let d = Self.value(attributes, "datetime") { timeDates.append(d) }
        case .script:
            if Self.value(attributes, "type")?.lowercased().contains("ld+json") == true { begin(.jsonLD) }
        default: break
        }
    }

    mutating func endElement() {
        separateDateTexts()
        if dateDepth > 0 { dateDepth -= 1 }
        guard capture != .none else { return }
        captureDepth -= 1
        guard captureDepth == 0 else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        switch capture {
        case .title: metadata.htmlTitle = TextNormalizer.paragraph(text)
        case .headline:
            metadata.headline = metadata.headline ?? TextNormalizer.paragraph(text)
            headlineState = 2
        case .jsonLD: JSONLDReader.read(buffer, into: &metadata)
        case .byline:
            let name = Byline.name(TextNormalizer.paragraph(text), maxWords: bylineMaxWords)
            if !name.isEmpty { byline = name }
        case .none: break
        }
        capture = .none
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if dateDepth > 0, dateTexts[dateTexts.count - 1].count + bytes.count <= Self.dateTextBytes {
            dateTexts[dateTexts.count - 1].append(contentsOf: bytes)
        }
        switch headlineState {
        case 0:
            beforeHeadline.append(contentsOf: bytes.prefix(Self.dateTextBytes))
            if beforeHeadline.count > 2 * Self.dateTextBytes { beforeHeadline.removeFirst(beforeHeadline.count - Self.dateTextBytes) }
        case 2 where afterHeadline.count < Self.dateTextBytes:
            afterHeadline.append(contentsOf: bytes.prefix(Self.dateTextBytes - afterHeadline.count))
        default: break
        }
        guard capture != .none, buffer.count + bytes.count <= Self.maxCapturedBytes else { return }
        buffer.append(contentsOf: bytes)
    }

    /// The metadata, with `<time>` dates after the declared ones, and the visible byline when
    /// the page declares no author.
    func finish() -> PageMetadata {
        var m = metadata
        m.publishedCandidates += timeDates
        // What follows the headline, then what precedes it, then elements named as dates or
        // bylines anywhere (teaser lists name their dates too, so those come last).
        if headlineState == 2 {
            m.visibleDateTexts = [afterHeadline, Array(beforeHeadline.suffix(Self.dateTextBytes))].map { String(decoding: $0, as: UTF8.self) }
        }
        m.visibleDateTexts += dateTexts.map { String(decoding: $0, as: UTF8.self) }
        if m.authors.isEmpty, let byline, !byline.isEmpty { m.addAuthor(byline) }
        if m.authors.isEmpty, headlineState == 2,
           let name = [afterHeadline, beforeHeadline.suffix(Self.dateTextBytes)].lazy
            .compactMap({ Byline.labelled(String(decoding: $0, as: UTF8.self), boundary: Self.boundary, maxWords: self.bylineMaxWords) }).first {
            m.addAuthor(name)
        }
        return m
    }

    /// A link to an author's page ("/author/ana-weiss", "/contributors/…") or marked `rel=author`.
    private static func isAuthorLink(_ attributes: MarkupAttributes) -> Bool {
        if let rel = raw(attributes, "rel"), RawBytes.contains(rel, "author") { return true }
        guard let href = raw(attributes, "href") else { return false }
        var i = 0
        while href[i] != 0 {
            if href[i] == UInt8(ascii: "/"), case let rest = href + i + 1,
               RawBytes.hasPrefix(rest, "author/") || RawBytes.hasPrefix(rest, "authors/")
                || RawBytes.hasPrefix(rest, "contributor") || RawBytes.hasPrefix(rest, "writers/") {
                return true
            }
            i += 1
        }
        return false
    }

    /// Element boundaries are marked in the date texts (`boundary`), so "2025" and "12" in two
    /// neighbouring elements never read as one number, nor a byline's name run into the next line.
    private mutating func separateDateTexts() {
        let b = Self.boundary
        switch headlineState {
        case 0 where beforeHeadline.last != b: beforeHeadline.append(b)
        case 2 where afterHeadline.last != b && afterHeadline.count < Self.dateTextBytes: afterHeadline.append(b)
        default: break
        }
        if dateDepth > 0, dateTexts[dateTexts.count - 1].last != b { dateTexts[dateTexts.count - 1].append(b) }
    }

    /// ASCII's unit separator: never in page text after the parser, a separator to every reader.
    static let boundary: UInt8 = 0x1F

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
        case let other where other.hasSuffix(":author"):
            metadata.addAuthor(content)  // a site's own author meta ("cxenseparse:author")
        case let other where other.utf8.firstRange(of: "publish".utf8) != nil
            && (other.utf8.firstRange(of: "published".utf8) != nil || other.utf8.firstRange(of: "date".utf8) != nil):
            // A site's own name for the date ("w-published-date"), after the standard ones.
            metadata.publishedCandidates.append(content)
        default: break
        }
    }

    private static func raw(_ attributes: MarkupAttributes, _ name: StaticString) -> UnsafePointer<UInt8>? {
        var found: UnsafePointer<UInt8>?
        attributes.forEach { n, v in
            if found == nil, RawBytes.equal(n, name) { found = v }
        }
        return found
    }

    private static func value(_ attributes: MarkupAttributes, _ name: StaticString) -> String? {
        var found: String?
        attributes.forEach { n, v in
            if found == nil, RawBytes.equal(n, name) { found = RawBytes.string(v) }
        }
        return found
    }
}
