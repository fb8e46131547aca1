import Foundation
import Markup

/// Parses RSS 0.90–2.0, RDF/RSS 1.0, Atom 0.3/1.0, CDF and JSON Feed documents, and
/// sitemaps (`<urlset>`, as Google News publishes them) as feeds of their URLs.
///
/// XML goes through libxml2 and `FeedEventReader`, which reads every dialect the way
/// feedparser does. The charset is settled first (`FeedCharset`). A document that is not
/// well-formed is read a second time leniently, with HTML entities made legal
/// (`EntityRepair`), and marked `malformed`.
///
/// Guarantees: no network access and no external entities during parsing (see
/// `MarkupDocument`); input over `maxBytes` is refused before parsing; internal entity
/// expansion is capped at `maxBytes` characters; relative links are resolved against
/// `xml:base` and the document's own URL; a document that is not a feed is an error that
/// names its root element.
public struct FeedParser: Sendable {
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
    }

    /// - Parameters:
    ///   - url: where the document came from, the base for relative links ("" for none).
    ///   - contentType: the HTTP `Content-Type`, whose charset outranks the document's.
    public func parse(_ bytes: Data, url: String, contentType: String? = nil) throws(FetchError) -> FeedDocument {
        guard bytes.count <= maxBytes else {
            throw FetchError(url: url, reason: "feed is \(bytes.count) bytes, over the \(maxBytes)-byte limit")
        }
        let raw = [UInt8](bytes)
        if Self.looksLikeJSON(raw) {
            do { return try JSONFeedReader.read(raw, base: url) } catch {
                throw FetchError(url: url, reason: "not a JSON Feed: \(error)")
            }
        }
        if !raw.isEmpty, raw.allSatisfy({ $0 == 0 }) {
            throw FetchError(url: url, reason: "not a feed: the document is all NUL bytes")
        }
        let charset = FeedCharset.decode(raw, contentType: contentType)
        var document: MarkupDocument
        var malformed = false, bomb = false
        do {
            document = try MarkupDocument(xml: charset.utf8, url: url.isEmpty ? nil : url, encoding: "UTF-8")
            bomb = document.stoppedAtEntityBomb
            if !document.isWellFormed {
                malformed = true
                let repaired = EntityRepair.repair(charset.utf8, declared: document.declaredEntities)
                document = try MarkupDocument(xml: repaired, url: url.isEmpty ? nil : url, encoding: "UTF-8")
            }
        } catch {
            throw FetchError(url: url, reason: "not XML: \(error)")
        }
        guard document.hasRoot else { throw FetchError(url: url, reason: "not XML: no root element") }
        if document.rootName?.lowercased() == "urlset" {
            let sitemap = SitemapReader(base: url)
            let complete = document.walk(sitemap, entityBudget: maxBytes)
            var feed = sitemap.document
            if !complete { feed.warnings.append(Self.cappedEntities(maxBytes)) }
            return feed
        }
        let adapter = FeedEventAdapter(reader: FeedEventReader(baseURI: url))
        let complete = document.walk(adapter, entityBudget: maxBytes)
        var feed = try adapter.document(url: url)
        if !complete { feed.warnings.append(Self.cappedEntities(maxBytes)) }
        if bomb || document.stoppedAtEntityBomb {
            feed.warnings.append("its entities expand without bound (an entity bomb); libxml2 stopped there, and what follows was not read")
        }
        feed.malformed = malformed
        feed.encoding = charset.encoding
        return feed
    }

    private static func cappedEntities(_ budget: Int) -> String {
        "entities expand to more than \(budget) characters (an entity bomb?); the rest of their text was left out"
    }

    private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var data = bytes[...]
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        return data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) } == UInt8(ascii: "{")
    }
}
