import Foundation
import Timestamps

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org) with Foundation's JSON decoder.
///
/// Guarantees: `content_html` is preferred to `content_text`; an item's author is its own
/// (`author`, else the first of `authors`), never the feed's; ids are strings whether the
/// feed wrote them as strings or numbers; a document that is not a JSON object with an
/// `items` array is an error.
enum JSONFeedReader {
    private struct Feed: Decodable {
        var title: String?
        var home_page_url: String?
        var items: [Item]
    }

    private struct Author: Decodable {
        var name: String?
    }

    private struct Item: Decodable {
        var id: FlexibleString?
        var url: String?
        var external_url: String?
        var title: String?
        var content_html: String?
        var content_text: String?
        var summary: String?
        var date_published: String?
        var date_modified: String?
        var author: Author?
        var authors: [Author]?
    }

    /// A JSON string or number, read as a string.
    private struct FlexibleString: Decodable {
        var value: String
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { value = s } else if let i = try? c.decode(Int64.self) { value = String(i) } else {
                value = String(try c.decode(Double.self))
            }
        }
    }

    static func read(_ bytes: [UInt8], base: String) throws -> FeedDocument {
        let feed = try JSONDecoder().decode(Feed.self, from: Data(bytes))
        let entries = feed.items.map { item in
            var e = FeedEntry()
            e.id = item.id?.value
            e.link = (item.url ?? item.external_url).map { FeedURL.join(base, $0) }
            e.title = item.title
            e.published = item.date_published.flatMap(TimestampParser.parse)
            e.updated = item.date_modified.flatMap(TimestampParser.parse)
            e.author = item.author?.name ?? item.authors?.first?.name
            e.summary = item.summary
            if let html = item.content_html {
                e.content = FeedText(html, type: "text/html")
            } else if let text = item.content_text {
                e.content = FeedText(text, type: "text/plain")
            }
            return e
        }
        return FeedDocument(format: .json, title: feed.title, link: feed.home_page_url, entries: entries)
    }
}
