import Foundation
import Markup
import Timestamps

/// Reads a sitemap `<urlset>` as a feed, for sites that publish a Google News sitemap
/// instead of (or besides) a feed: each `<url>` is an entry whose link and id are its
/// `<loc>`, title `news:title`, published date `news:publication_date`, updated `lastmod`.
/// Image and video `loc`s are ignored; the publication name becomes the feed title.
final class SitemapReader: XMLEventHandler {
    private var entries: [FeedEntry] = []
    private var current: FeedEntry?
    private var path: [String] = []
    private var text = ""
    private var publication: String?
    private let base: String

    init(base: String) {
        self.base = base
    }

    func start(_ tag: XMLStartTag) {
        let name = tag.name.local.lowercased()
        path.append(name)
        text = ""
        if name == "url" { current = FeedEntry() }
    }

    func characters(_ chunk: String) { text += chunk }

    func end(_ name: XMLName) {
        let local = name.local.lowercased(), value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = path.dropLast().last
        switch local {
        case "loc" where parent == "url":
            let link = FeedURL.join(base, value)
            current?.link = link
            current?.id = link
        case "title" where parent == "news": current?.title = value
        case "publication_date": current?.published = TimestampParser.parse(value)
        case "lastmod" where parent == "url": current?.updated = TimestampParser.parse(value)
        case "name" where parent == "publication": publication = publication ?? value
        case "url":
            if let entry = current, entry.link != nil { entries.append(entry) }
            current = nil
        default: break
        }
        path.removeLast()
        text = ""
    }

    var document: FeedDocument { FeedDocument(format: .sitemap, title: publication, link: nil, entries: entries) }
}
