import Foundation
import Testing
import TestSupport

/// SSRF: a feed from one host may not make `ingestd run` fetch pages from loopback or other
/// special-purpose addresses, in any spelling, directly or through a redirect; the operator's
/// own feeds and the networks `fetch.allow_networks` lists may be reached.
@Suite(.serialized)
struct NetworkPolicyTests {
    /// Links to the loopback server `target` (on 127.0.0.1) in every spelling of its address.
    static func spellings(_ target: LoopbackServer) -> [String] {
        ["127.0.0.1", "localhost", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]"]
            .map { "http://\($0):\(target.port)/news/secret.html" }
    }

    /// A feed on 127.0.0.2 (the "web") linking to a page of its own, to the target in every
    /// spelling, and to a page of its own that redirects to the target.
    static func hostileSite(target: LoopbackServer) throws -> FetchSite {
        let site = try FetchSite(host: "127.0.0.2")
        try site.article("news/own.html")
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>web</title>"
        let links = [site.server.url("news/own.html"), site.server.url("redirect-to/" + target.url("news/secret.html"))]
            + spellings(target)
        for (i, link) in links.enumerated() {
            xml += "<item><title>Item \(i)</title><guid>g\(i)</guid><link>\(link)</link></item>"
        }
        try site.write("feeds/web.rss", xml + "</channel></rss>")
        return site
    }

    static func target() throws -> (LoopbackServer, URL) {
        let root = try TestPaths.temporaryFolder()
        let site = try FetchSite()
        try site.article("news/secret.html")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("news"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: site.folder.appendingPathComponent("news/secret.html"),
                                         to: root.appendingPathComponent("news/secret.html"))
        return (try LoopbackServer(root: root), root)
    }

    @Test func pagesOnLoopbackAreRefusedInEverySpellingAndThroughARedirect() throws {
        let (target, _) = try Self.target()
        let site = try Self.hostileSite(target: target)
        let run = try site.run(["feeds/web.rss"], fetch: ["allow_networks": "[127.0.0.2/32]", "obey_robots": "false"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(target.requests.isEmpty, "the loopback target was reached: \(target.requests)")
        #expect(try site.documentCount() == 1, "only the web host's own page is archived")
        let refusals = run.stderr.split(separator: "\n").filter { $0.contains("refused to connect to") }
        #expect(refusals.count == 8, "\(run.stderr)")
        #expect(run.stderr.contains("a loopback address"))
        #expect(site.requests("redirect-to/" + target.url("news/secret.html")).count == 1)
    }

    @Test func anAllowListedNetworkIsFetched() throws {
        let (target, _) = try Self.target()
        let site = try Self.hostileSite(target: target)
        let run = try site.run(["feeds/web.rss"], fetch: ["allow_networks": "[127.0.0.0/8, \"::1\"]", "obey_robots": "false"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.documentCount() == 2, "the own page and the secret, once (the rest are copies)")
        #expect(target.requests.count == 8, "\(target.requests)")
    }

    @Test func theOperatorsOwnLocalFeedAndItsSameHostRedirectAreFetched() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        // No allow-list: the feed is the operator's, but its page link is the web's.
        let run = try site.run(["redirect/301/feeds/a.rss"], fetch: ["allow_networks": "[]", "obey_robots": "false"])
        #expect(site.requests("feeds/a.rss").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("refused to connect to 127.0.0.1, a loopback address"), "\(run.stderr)")
        #expect(try site.documentCount() == 0)
    }

    @Test func aBadAllowListEntryIsAConfigError() throws {
        let site = try FetchSite()
        try site.feed("a", items: [])
        let run = try site.run(["feeds/a.rss"], fetch: ["allow_networks": "[10.0.0.0/33]"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("fetch.allow_networks: \"10.0.0.0/33\""), "\(run.stderr)")
    }

    /// The operator's feed moves permanently to another host: the stored URL follows, but it
    /// is now the web's, so once that host is no longer allowed, the feed is refused too.
    @Test func aFeedMovedToAnotherHostIsNoLongerTheOperators() throws {
        let target = try FetchSite(host: "127.0.0.2")
        try target.feed("b", items: [])
        let site = try FetchSite()
        let moved = "moved-to/" + target.server.url("feeds/b.rss")
        let first = try site.run([moved], fetch: ["allow_networks": "[127.0.0.2/32]"])
        #expect(first.stderr.contains("moved permanently to \(target.server.url("feeds/b.rss"))"), "\(first.stderr)")
        let second = try site.run([moved], fetch: ["allow_networks": "[]"])
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("refused to connect to 127.0.0.2"), "\(second.stderr)")
        #expect(target.requests("feeds/b.rss").count == 1, "\(target.server.requests)")
        let listed = try IngestdProcess.run(["feeds", "add", "--no-check", target.server.url("feeds/b.rss"), "--archive", site.archive])
        #expect(listed.status == 0)
        let third = try site.run([moved], fetch: ["allow_networks": "[]"])
        #expect(third.status == 0, "added by the operator, it is theirs again: \(third.stderr)")
    }
}
