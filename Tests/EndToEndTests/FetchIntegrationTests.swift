import Foundation
import GRDB
import Testing
import TestSupport

/// `ingestd run` against a real HTTP server on loopback: each case checks what the run
/// reported and what the archive stored.
@Suite(.serialized)
struct FetchIntegrationTests {
    @Test func okThenNotModified() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "news/two.html")])
        let first = try site.run(["feeds/a.rss"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try site.documentCount() == 2)
        let stored = try #require(try site.sources()[site.server.url("feeds/a.rss")])
        #expect(stored["last_status"] as Int? == 200)
        #expect((stored["etag"] as String?)?.hasPrefix("\"") == true)
        #expect(stored["next_fetch_at"] as Date? != nil)

        let second = try site.run(["feeds/a.rss"])
        #expect(second.stdout.contains("1 feeds (1 unchanged, 0 failed)"), "\(second.stdout)")
        #expect(site.requests("feeds/a.rss").map { $0.split(separator: " ").last! } == ["200", "304"])
        #expect(try site.sources()[site.server.url("feeds/a.rss")]?["last_status"] as Int? == 304)
        #expect(try site.documentCount() == 2)
    }

    @Test func permanentRedirectMovesTheStoredURLAndTemporaryDoesNot() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        try site.feed("b", items: [("g2", "news/two.html")])
        let run = try site.run(["redirect/301/feeds/a.rss", "redirect/302/feeds/b.rss"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("moved permanently to \(site.server.url("feeds/a.rss"))"))
        let urls = Set(try site.sources().keys)
        #expect(urls.contains(site.server.url("feeds/a.rss")))
        #expect(!urls.contains(site.server.url("redirect/301/feeds/a.rss")))
        #expect(urls.contains(site.server.url("redirect/302/feeds/b.rss")))
        #expect(try site.documentCount() == 2)
        // The config still names the old URL: it is the same feed, now asked for at its new address.
        let again = try site.run(["redirect/301/feeds/a.rss", "redirect/302/feeds/b.rss"])
        #expect(again.status == 0 && !again.stderr.contains("moved permanently"), "\(again.stderr)")
        #expect(try site.sources().count == 2)
        #expect(site.requests("redirect/301/feeds/a.rss").count == 1)
    }

    @Test func aRemovedFeedStaysRemovedThoughTheConfigListsItUntilAdded() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        #expect(try site.run(["feeds/a.rss"]).status == 0)
        let url = site.server.url("feeds/a.rss")
        #expect(try IngestdProcess.run(["feeds", "remove", url, "--archive", site.archive]).status == 0)
        let skipped = try site.run(["feeds/a.rss"])
        #expect(skipped.stderr.contains("was removed with `ingestd feeds remove`; skipped"), "\(skipped.stderr)")
        #expect(site.requests("feeds/a.rss").count == 1)
        #expect(try IngestdProcess.run(["feeds", "add", "--no-check", url, "--archive", site.archive]).status == 0)
        #expect(try site.run(["feeds/a.rss"]).status == 0)
        #expect(site.requests("feeds/a.rss").count == 2)
    }

    @Test func aWebFeedCannotMakeItReadALocalFile() throws {
        let site = try FetchSite()
        let secret = site.folder.appendingPathComponent("secret.html")
        try Data("<html><body><article><p>\(String(repeating: "The private key is hunter2. ", count: 20))</p></article></body></html>".utf8)
            .write(to: secret)
        try site.write("feeds/evil.rss", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>evil</title><link>\(site.server.url(""))</link>
            <item><title>One</title><guid>e1</guid><link>file://localhost\(secret.path)</link></item>
            <item><title>Two</title><guid>e2</guid><link>\(secret.absoluteString)</link></item>
            </channel></rss>
            """)
        let run = try site.run(["feeds/evil.rss"], fetch: ["obey_robots": "false"])
        #expect(run.stderr.contains("which a feed from the web may not lead to (only http and https); skipped"), "\(run.stderr)")
        #expect(try site.documentCount() == 0, "neither link was read")
    }

    @Test func aRedirectLoopIsAStoredError() throws {
        let site = try FetchSite()
        let run = try site.run(["loop"])
        #expect(run.status == 1, "\(run.stdout)")
        let stored = try #require(try site.sources()[site.server.url("loop")])
        #expect((stored["last_error"] as String?)?.contains("redirect loop") == true)
        #expect(stored["error_count"] as Int? == 1)
    }

    @Test func gzipAndBrotliBodiesAreDecoded() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        try site.feed("b", items: [("g2", "news/two.html")])
        let run = try site.run(["gzip/feeds/a.rss", "brotli/feeds/b.rss"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.documentCount() == 2)
        #expect(try site.sources().values.allSatisfy { $0["last_status"] as Int? == 200 && $0["error_count"] as Int? == 0 })
    }

    @Test func aSlowDripTimesOut() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        let started = Date()
        let run = try site.run(["drip/feeds/a.rss"], fetch: ["retries": "0"])
        #expect(Date().timeIntervalSince(started) < 8)
        #expect(run.status == 1)
        let stored = try #require(try site.sources()[site.server.url("drip/feeds/a.rss")])
        #expect((stored["last_error"] as String?)?.contains("timed out") == true, "\(stored)")
        #expect(try site.documentCount() == 0)
    }

    @Test func aTenGigabyteClaimAndAGzipBombAreCapped() throws {
        let site = try FetchSite()
        let run = try site.run(["huge", "bomb"])
        #expect(run.status == 1)
        let sources = try site.sources()
        for path in ["huge", "bomb"] {
            let error = sources[site.server.url(path)]?["last_error"] as String?
            #expect(error?.contains("exceeds 1000000 bytes (fetch.max_body_bytes)") == true, "\(path): \(error ?? "-")")
        }
        #expect(site.requests("bomb").count == 1, "a size refusal is not retried")
    }

    @Test func aServerErrorThenSuccessIsRetried() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        let run = try site.run(["flaky/feeds/a.rss"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.requests("flaky/feeds/a.rss").map { $0.split(separator: " ").last! } == ["500", "200"])
        let stored = try #require(try site.sources()[site.server.url("flaky/feeds/a.rss")])
        #expect(stored["error_count"] as Int? == 0 && stored["last_status"] as Int? == 200)
        #expect(try site.documentCount() == 1)
    }

    @Test func tooManyRequestsWaitsForRetryAfter() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        let started = Date()
        let run = try site.run(["limited/feeds/a.rss"], fetch: ["retry_base_delay_seconds": "0.01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1, "Retry-After: 1 was not honoured")
        #expect(site.requests("limited/feeds/a.rss").map { $0.split(separator: " ").last! } == ["429", "200"])
        #expect(try site.documentCount() == 1)
    }

    @Test func robotsDisallowedPagesAreNotFetchedAndAreSettled() throws {
        let site = try FetchSite()
        try site.write("robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "private/two.html")])
        let run = try site.run(["feeds/a.rss"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 disallowed by robots.txt"), "\(run.stdout)")
        #expect(site.requests("private/two.html").isEmpty)
        #expect(site.requests("robots.txt").count == 1)
        #expect(try site.documentCount() == 1)
        let settled = try DatabaseQueue(path: site.archive).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries WHERE url LIKE '%private/two.html' AND document_id IS NULL")
        }
        #expect(settled == 1)
        // The next run's new page is judged by the robots.txt the archive kept: not asked for again.
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "private/two.html"), ("g3", "news/three.html")])
        #expect(try site.run(["feeds/a.rss"]).status == 0)
        #expect(site.requests("news/three.html").count == 1)
        #expect(site.requests("robots.txt").count == 1)
    }

    @Test func anUnreadableRobotsTxtPostponesPagesInsteadOfGivingThemUp() throws {
        let site = try FetchSite()
        try site.write("robots.status", "503")
        try site.feed("a", items: [("g1", "news/one.html")])
        let first = try site.run(["feeds/a.rss"], fetch: ["retries": "0"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("robots.txt of") && first.stderr.contains("could not be read"), "\(first.stderr)")
        #expect(site.requests("news/one.html").isEmpty)
        #expect(try site.documentCount() == 0)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("robots.status"))
        let second = try site.run(["feeds/a.rss"], fetch: ["retries": "0"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try site.documentCount() == 1)
    }

    @Test func aMissingPageIsGivenUpAndAFailingOneRetriedWithoutBlamingTheFeed() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "flaky/news/two.html")])
        try site.article("news/two.html")  // what /flaky/news/two.html serves after its first 500
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("news/one.html"))
        let first = try site.run(["feeds/a.rss"], fetch: ["retries": "0"])
        #expect(first.status == 1)
        #expect(first.stderr.contains("one.html: HTTP status 404 (given up)") && first.stderr.contains("two.html: HTTP status 500 (will retry)"),
                "\(first.stderr)")
        let stored = try #require(try site.sources()[site.server.url("feeds/a.rss")])
        #expect(stored["error_count"] as Int? == 0 && stored["etag"] as String? == nil, "the body must be fetched again: \(stored)")
        let second = try site.run(["feeds/a.rss"], fetch: ["retries": "0"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(site.requests("news/one.html").count == 1, "a 404 is not asked again")
        #expect(site.requests("flaky/news/two.html").map { $0.split(separator: " ").last! } == ["500", "200"])
        #expect(try site.documentCount() == 1)
        #expect(try site.sources()[site.server.url("feeds/a.rss")]?["etag"] as String? != nil)
    }

    @Test func changedGUIDsWithTheSameLinksAreKnown() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "news/two.html")])
        #expect(try site.run(["feeds/a.rss"]).status == 0)
        try site.feed("a", items: [("new-1", "news/one.html"), ("new-2", "news/two.html"), ("g3", "news/three.html")])
        let second = try site.run(["feeds/a.rss"])
        #expect(second.stdout.contains("3 entries (2 known, 0 failed)"), "\(second.stdout)")
        #expect(site.requests("news/one.html").count == 1 && site.requests("news/two.html").count == 1)
        #expect(try site.documentCount() == 3)
    }
}
