import Fetcher
import Foundation
import Testing
import TestSupport
import Timestamps

struct FeedParserTests {
    let parser = FeedParser()

    @Test func rss2() throws {
        let xml = """
            <?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
              xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Harbour</title><link>https://h.example/</link>
            <atom:link href="https://h.example/feed" rel="self"/>
            <item><title>Ferry returns</title><link>/news/ferry</link><guid isPermaLink="false">h-1</guid>
            <pubDate>Mon, 02 Mar 2026 08:30:00 +0200</pubDate><description>Short</description>
            <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded></item>
            <item><title>No guid</title><link>https://h.example/news/2</link></item>
            </channel></rss>
            """
        let feed = try parser.parse(Data(xml.utf8), url: "https://h.example/feed")
        #expect(feed.format == .rss)
        #expect(feed.title == "Harbour")
        #expect(feed.entries.count == 2)
        let e = feed.entries[0]
        #expect(e.title == "Ferry returns")
        #expect(e.link == "https://h.example/news/ferry")
        #expect(e.id == "h-1")
        #expect(e.key == "h-1")
        #expect(e.published == Date(timeIntervalSince1970: 1_772_433_000))
        #expect(e.summary == "Short")
        #expect(e.content == FeedText("<p>Full <b>text</b></p>", type: "text/html"))
        #expect(feed.entries[1].key == "https://h.example/news/2")
    }

    @Test func atom1() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><link href="https://w.example/"/>
            <entry><title>Bridge approved</title><link rel="alternate" href="../story/1.html"/>
            <link rel="edit" href="/edit/1"/><id>tag:w.example,2026:1</id><published>2026-03-02T14:10:00Z</published>
            <updated>2026-03-03T00:00:00Z</updated><summary>Council votes</summary></entry></feed>
            """
        let feed = try parser.parse(Data(xml.utf8), url: "https://w.example/feeds/top.atom")
        #expect(feed.format == .atom)
        #expect(feed.link == "https://w.example/")
        let e = try #require(feed.entries.first)
        #expect(e.link == "https://w.example/story/1.html")
        #expect(e.id == "tag:w.example,2026:1")
        #expect(e.published == Date(timeIntervalSince1970: 1_772_460_600))
        #expect(e.summary == "Council votes")
    }

    @Test func rdf() throws {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>RDF</title></channel>
            <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2026-03-02T10:00:00Z</dc:date></item>
            </rdf:RDF>
            """
        let feed = try parser.parse(Data(xml.utf8), url: "https://r.example/rdf")
        #expect(feed.format == .rdf)
        #expect(feed.title == "RDF")
        #expect(feed.entries.first?.link == "https://r.example/1")
        // dc:date is the entry's update date, as feedparser reads it; the pipeline dates the entry by it
        // when there is no pubDate (FeedPass uses published ?? updated).
        #expect(feed.entries.first?.updated == TimestampParser.parse("2026-03-02T10:00:00Z"))
        #expect(feed.entries.first?.published == nil)
    }

    @Test func aLocalFeedKeepsItsAbsoluteFileLinksWhileExtraSlashesAreRepaired() throws {
        let xml = """
            <rss version="2.0"><channel><title>Local</title><link>file:///srv/news/</link>
            <item><title>A</title><link>file:///srv/news/a.html</link></item>
            <item><title>B</title><link>http:///b.example/b.html</link></item></channel></rss>
            """
        let feed = try parser.parse(Data(xml.utf8), url: "file:///srv/news/feed.xml")
        #expect(feed.entries.map(\.link) == ["file:///srv/news/a.html", "http://b.example/b.html"])
    }

    @Test func aPageThatIsNotAFeedIsAnErrorNamingItsRoot() {
        #expect { try parser.parse(Data("<html><body>hi</body></html>".utf8), url: "https://x.example/") } throws: { error in
            (error as? FetchError)?.reason.contains("<html>") == true
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let folder = try TestPaths.temporaryFolder()
        try Data("SECRET-FROM-DISK".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        let server = try LoopbackServer(root: folder)
        for target in [folder.appendingPathComponent("secret.txt").absoluteString, server.url("secret.txt")] {
            let xml = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(target)">]>
                <rss version="2.0"><channel><title>&xxe;</title><item><title>a &xxe; b</title><link>https://x.example/1</link></item></channel></rss>
                """
            let feed = try parser.parse(Data(xml.utf8), url: "https://x.example/feed")
            #expect(feed.title?.contains("SECRET") != true)
            #expect(feed.entries.allSatisfy { $0.title?.contains("SECRET") != true })
        }
        #expect(server.requests.isEmpty, "the parser fetched \(server.requests)")
    }

    @Test func billionLaughsEndsQuicklyAndSmall() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"ha\">"
        for i in 1...10 { xml += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        xml += "]><rss version=\"2.0\"><channel><title>&l10;</title></channel></rss>"
        let started = Date()
        let feed = try? parser.parse(Data(xml.utf8), url: "https://x.example/laughs")
        #expect(Date().timeIntervalSince(started) < 2)
        #expect((feed?.title?.count ?? 0) < 1_000_000)
    }

    @Test func oversizedFeedsAreRefusedBeforeParsing() {
        #expect(throws: FetchError.self) { try FeedParser(maxBytes: 10).parse(Data("<rss><channel/></rss>".utf8), url: "u") }
    }
}
