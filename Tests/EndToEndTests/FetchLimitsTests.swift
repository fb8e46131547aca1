import Foundation
import GRDB
import Testing
import TestSupport

/// The bounds that keep one `ingestd run` within configured memory and time, whatever the
/// web serves: many large pages at once, and pages that drip.
@Suite(.serialized)
struct FetchLimitsTests {
    /// A feed whose entries each link to a page of `bytes` on its own host name
    /// (`hN.localhost`, all loopback), so they are all fetched at once.
    static func feed(_ site: FetchSite, name: String, entries: Int, path: (Int) -> String) throws {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(name)</title>"
        for i in 0..<entries {
            xml += "<item><title>Page \(i)</title><guid>p\(i)</guid>"
            xml += "<link>http://h\(i).localhost:\(site.server.port)/\(path(i))</link></item>"
        }
        try site.write("feeds/\(name).rss", xml + "</channel></rss>")
    }

    /// `ingestd run` under `Tests/Tools/peak_rss.py`: the result and the peak RSS in MB.
    static func runMeasured(_ site: FetchSite, feed: String, fetch: [String: String]) throws -> (IngestdProcess.Result, Int) {
        let settings = ["allow_networks": "[127.0.0.0/8, \"::1\"]", "obey_robots": "false", "retries": "0",
                        "per_host_delay_seconds": "0", "total_timeout_seconds": "60"].merging(fetch) { $1 }
        let yaml = "feeds:\n  - url: \(site.server.url("feeds/\(feed).rss"))\nfetch:\n"
            + settings.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
        let config = site.folder.appendingPathComponent("limits.yaml")
        try Data(yaml.utf8).write(to: config)
        let tool = TestPaths.packageRoot.appendingPathComponent("Tests/Tools/peak_rss.py").path
        let run = try IngestdProcess.runTool("/usr/bin/env", ["python3", tool, TestPaths.ingestd.path, "run", "--all", "--strict",
                                                              "--config", config.path, "--archive", site.archive])
        let peak = run.stderr.split(separator: "\n").last { $0.hasPrefix("PEAK_RSS_KB ") }
            .flatMap { Int($0.dropFirst("PEAK_RSS_KB ".count)) } ?? Int.max
        return (run, peak / 1024)
    }

    /// The issue's case: 250 pages of 30 MB on 250 hosts, sent without a Content-Length.
    /// Each download stops at the normalizer's 16 MiB, and what is in flight beyond the
    /// memory budget waits in temporary files.
    @Test func twoHundredFiftyPagesOfThirtyMegabytesStayUnderThreeHundredMegabytes() throws {
        let site = try FetchSite()
        try Self.feed(site, name: "huge", entries: 250) { _ in "big/30000000" }
        let (run, peakMB) = try Self.runMeasured(site, feed: "huge", fetch: [:])
        #expect(run.status == 1, "\(run.stderr.suffix(2_000))")
        let stopped = run.stderr.split(separator: "\n").filter { $0.contains("body exceeds 16777216 bytes (normalizer.max_input_bytes)") }
        #expect(stopped.count == 250, "\(run.stderr.suffix(2_000))")
        #expect(peakMB <= 300, "peak RSS \(peakMB) MB")
        print("250 x 30 MB pages: peak RSS \(peakMB) MB")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("ingestd-body-") }
        #expect(leftovers.isEmpty, "temporary bodies left behind: \(leftovers.prefix(3))")
    }

    /// Bodies past the memory budget are spilled and read back whole: 12 pages of 1 MB
    /// at once, with a 2 MB budget, all archived, each at its full length.
    @Test func pagesSpilledToTemporaryFilesAreArchivedWhole() throws {
        let site = try FetchSite()
        try Self.feed(site, name: "large", entries: 12) { i in "big/\(1_000_000 + i * 1_000)" }
        let (run, _) = try Self.runMeasured(site, feed: "large", fetch: ["memory_budget_bytes": "2000000"])
        #expect(run.status == 0, "\(run.stderr.suffix(2_000))")
        #expect(run.stdout.contains("12 entries (0 known, 0 failed)"), "\(run.stdout)")
        let sizes = try DatabaseQueue(path: site.archive).read { db in
            try Int.fetchAll(db, sql: "SELECT body_size FROM captures ORDER BY 1")
        }
        #expect(sizes == (0..<12).map { 1_000_000 + $0 * 1_000 }, "\(sizes)")
    }

    /// Four pages that drip a byte every quarter second: with `run_deadline_seconds: 3` a
    /// run ends in a few seconds, releases the lock, and the slow pages are given up after
    /// `park_after_failures` runs instead of costing every run.
    @Test func aRunWithDrippingPagesEndsByItsDeadlineAndGivesThemUp() throws {
        let site = try FetchSite()
        for i in 0..<4 { try site.article("news/slow\(i).html") }
        try Self.feed(site, name: "drip", entries: 4) { i in "drip/news/slow\(i).html" }
        let fetch = ["run_deadline_seconds": "3", "low_speed_bytes": "0", "park_after_failures": "2"]
        for round in 1...2 {
            let started = Date()
            let (run, _) = try Self.runMeasured(site, feed: "drip", fetch: fetch)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 10, "round \(round) took \(seconds) s")
            #expect(run.status == 1, "\(run.stderr)")
            let stopped = run.stderr.split(separator: "\n").filter { $0.hasPrefix("ingestd: warning: http://h") && $0.contains("still arriving when the run's deadline came") }
            #expect(stopped.count == 4, "\(run.stderr)")
            let note = round == 1 ? "(will retry)" : "(given up after 2 runs; fetch.park_after_failures)"
            #expect(stopped.allSatisfy { $0.hasSuffix(note) }, "\(run.stderr)")
        }
        let third = try Self.runMeasured(site, feed: "drip", fetch: fetch).0
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout.contains("1 feeds (1 unchanged, 0 failed)"), "\(third.stdout)")
    }
}
