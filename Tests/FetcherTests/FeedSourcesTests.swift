import Foundation
@testable import Fetcher
import Testing

/// OPML, autodiscovery and news sitemaps: the other ways feeds come in.
struct FeedSourcesTests {
    @Test func opmlRoundTripsThroughExportAndImport() throws {
        let feeds = [OPML.Subscription(url: "https://a.example/rss?x=1&y=2", title: "A & B <news>"),
                     OPML.Subscription(url: "https://c.example/atom", title: nil)]
        let text = OPML.document(feeds, title: "mine")
        let read = try OPML.subscriptions(in: Data(text.utf8), name: "mine.opml")
        #expect(read == [feeds[0], OPML.Subscription(url: "https://c.example/atom", title: "https://c.example/atom")])
    }

    @Test func opmlFoldersAreFlattenedAndOtherXMLRefused() throws {
        let nested = """
            <opml version="1.0"><body><outline text="News"><outline text="X" xmlUrl="https://x.example/feed"/>
            <outline text="Y" xmlurl="https://y.example/feed"/></outline></body></opml>
            """
        #expect(try OPML.subscriptions(in: Data(nested.utf8), name: "n").map(\.url) == ["https://x.example/feed", "https://y.example/feed"])
        #expect(throws: FetchError.self) { try OPML.subscriptions(in: Data("<rss/>".utf8), name: "r") }
    }

    @Test func autodiscoveryFindsAnnouncedFeedsInOrder() {
        let page = """
            <html><head><base href="https://site.example/news/">
            <link rel="stylesheet" href="s.css"><link rel="alternate" type="application/rss+xml" href="rss.xml">
            <link rel="alternate" type="application/atom+xml" href="https://site.example/atom">
            <link rel="alternate" hreflang="de" href="/de/"></head><body></body></html>
            """
        #expect(FeedDiscovery.feeds(inPage: Data(page.utf8), url: "https://site.example/") ==
            ["https://site.example/news/rss.xml", "https://site.example/atom"])
    }

    @Test func aWebPageCannotAnnounceALocalFeed() {
        let page = """
            <html><head><link rel="alternate" type="application/rss+xml" href="file:///etc/feed.xml">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>
            """
        #expect(FeedDiscovery.feeds(inPage: Data(page.utf8), url: "https://site.example/") == ["https://site.example/rss.xml"])
        #expect(FeedDiscovery.feeds(inPage: Data(page.utf8), url: "file:///srv/site/index.html")
            == ["file:///etc/feed.xml", "file:///rss.xml"], "a local page may lead to local files")
    }

    @Test(arguments: [
        ("https://a.example/1", "https://feed.example/rss", true), ("http://a.example/1", "file:///f.xml", true),
        ("file:///etc/passwd", "https://feed.example/rss", false), ("file://localhost/etc/passwd", "http://f.example/", false),
        ("file:///srv/news/1.html", "file:///srv/news/feed.xml", true), ("ftp://a.example/1", "https://f.example/", false),
        ("javascript:alert(1)", "https://f.example/", false), ("not a url", "https://f.example/", false),
    ])
    func linksLeadOnlyWhereTheirOriginMay(link: String, origin: String, allowed: Bool) {
        #expect(LinkPolicy.mayFollow(link, from: origin) == allowed)
    }

    @Test func aNewsSitemapIsAFeedOfItsURLs() throws {
        let xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://n.example/a.html</loc><news:news><news:publication><news:name>N Times</news:name></news:publication>
            <news:publication_date>2026-11-20T08:00:00+01:00</news:publication_date><news:title>Port reopens</news:title></news:news></url>
            <url><loc>https://n.example/b.html</loc><lastmod>2026-11-21</lastmod></url></urlset>
            """
        let feed = try FeedParser().parse(Data(xml.utf8), url: "https://n.example/sitemap.xml")
        #expect(feed.format == .sitemap && feed.title == "N Times")
        #expect(feed.entries.map(\.link) == ["https://n.example/a.html", "https://n.example/b.html"])
        #expect(feed.entries[0].title == "Port reopens")
        #expect(feed.entries[0].published == Date(timeIntervalSince1970: 1_795_158_000))
        #expect(feed.entries[1].updated != nil)
    }
}
