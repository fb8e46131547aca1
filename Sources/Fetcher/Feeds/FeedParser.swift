import Foundation
import Markup
import Timestamps

/// Parses RSS 2.0 (and 0.9x), RDF/RSS 1.0 and Atom 1.0 feeds with libxml2.
///
/// Guarantees: no network access and no external entities during parsing (see
/// `MarkupDocument`); input over `maxBytes` is refused before parsing; relative links are
/// resolved against the feed's own URL; a document that is not a feed is an error that
/// names its root element.
public struct FeedParser: Sendable {
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
    }

    public func parse(_ bytes: Data, url: String) throws(FetchError) -> FeedDocument {
        guard bytes.count <= maxBytes else {
            throw FetchError(url: url, reason: "feed is \(bytes.count) bytes, over the \(maxBytes)-byte limit")
        }
        let document: MarkupDocument
        do { document = try MarkupDocument(xml: bytes, url: url) } catch {
            throw FetchError(url: url, reason: "not XML: \(error)")
        }
        guard let root = document.root else { throw FetchError(url: url, reason: "not XML: no root element") }
        let base = URL(string: url)
        switch root.name {
        case "rss": return rss(channel: root.elements.first { $0.name == "channel" } ?? root, items: nil, base: base)
        case "rdf":
            let channel = root.elements.first { $0.name == "channel" }
            return rss(channel: channel ?? root, items: root.elements.filter { $0.name == "item" }, base: base, format: .rdf)
        case "feed": return atom(root, base: base)
        default: throw FetchError(url: url, reason: "not a feed: root element <\(root.name)>")
        }
    }

    private func rss(channel: MarkupNode, items: [MarkupNode]?, base: URL?, format: FeedDocument.Format = .rss) -> FeedDocument {
        let entries = (items ?? channel.elements.filter { $0.name == "item" }).map { item in
            var e = FeedEntry()
            for child in item.elements {
                switch (child.name, child.namespace) {
                case ("title", _): e.title = text(child)
                case ("link", nil), ("link", "http://purl.org/rss/1.0/"): e.link = resolve(text(child), base)
                case ("guid", _): e.id = text(child)
                case ("pubdate", _): e.published = e.published ?? text(child).flatMap(TimestampParser.parse)
                case ("date", _), ("modified", _), ("updated", _): e.updated = e.updated ?? text(child).flatMap(TimestampParser.parse)
                case ("author", _), ("creator", _): e.author = e.author ?? text(child)
                case ("description", _): e.summary = text(child)
                case ("encoded", _): e.content = text(child)
                default: break
                }
            }
            if e.id == nil, let about = item.attribute("about") { e.id = about }
            if e.link == nil, let guid = e.id, guid.hasPrefix("http") { e.link = guid }
            return e
        }
        let title = channel.elements.first { $0.name == "title" }.flatMap(text)
        let link = channel.elements.first { $0.name == "link" && $0.namespace == nil }.flatMap(text)
        return FeedDocument(format: format, title: title, link: link, entries: entries)
    }

    private func atom(_ feed: MarkupNode, base: URL?) -> FeedDocument {
        let entries = feed.elements.filter { $0.name == "entry" }.map { entry in
            var e = FeedEntry()
            for child in entry.elements {
                switch child.name {
                case "title": e.title = text(child)
                case "id": e.id = text(child)
                case "link":
                    let rel = child.attribute("rel") ?? "alternate"
                    if rel == "alternate", e.link == nil { e.link = resolve(child.attribute("href"), base) }
                case "published", "issued": e.published = text(child).flatMap(TimestampParser.parse)
                case "updated", "modified": e.updated = text(child).flatMap(TimestampParser.parse)
                case "author": e.author = e.author ?? child.elements.first { $0.name == "name" }.flatMap(text) ?? text(child)
                case "summary": e.summary = text(child)
                case "content": e.content = text(child)
                default: break
                }
            }
            return e
        }
        let title = feed.elements.first { $0.name == "title" }.flatMap(text)
        let link = feed.elements.first { $0.name == "link" && ($0.attribute("rel") ?? "alternate") == "alternate" }
            .flatMap { resolve($0.attribute("href"), base) }
        return FeedDocument(format: .atom, title: title, link: link, entries: entries)
    }

    private func text(_ node: MarkupNode) -> String? {
        let t = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    private func resolve(_ link: String?, _ base: URL?) -> String? {
        guard let link, !link.isEmpty else { return nil }
        return URL(string: link, relativeTo: base)?.absoluteString ?? link
    }
}
