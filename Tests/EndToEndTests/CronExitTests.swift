import Foundation
import Testing
import TestSupport

/// What cron sees of `ingestd run`: exit 0 for a completed pass even when a feed failed,
/// `--strict` for 1, `-q` silent on a clean pass, and the exit codes documented in one place.
struct CronExitTests {
    @Test func aCompletedPassExitsZeroEvenWhenAFeedFailsAndStrictMakesItOne() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        let lenient = try site.run(["feeds/a.rss", "feeds/missing.rss"], flags: [])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("feeds/missing.rss"), "the failed feed is named: \(lenient.stderr)")
        #expect(lenient.stdout.contains("1 failed"), "and counted: \(lenient.stdout)")
        let strict = try site.run(["feeds/a.rss", "feeds/missing.rss"], flags: ["--strict"])
        #expect(strict.status == 1, "\(strict.stderr)")
    }

    @Test func quietPrintsNothingOnACleanPass() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "news/two.html")])
        let run = try site.run(["feeds/a.rss"], flags: ["-q"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(try site.documentCount() == 2)
    }

    @Test func exitCodesAreDocumentedOnceAndPointedToFromEveryHelp() throws {
        let topic = try IngestdProcess.run(["help", "exit-codes"])
        #expect(topic.status == 0)
        for code in ["0 ", "1 ", "64", "65", "66", "73", "74", "75", "78"] {
            #expect(topic.stdout.contains("\n\(code)") || topic.stdout.contains(" \(code) "), "\(code) in \(topic.stdout)")
        }
        let leaves = [["run"], ["daemon"], ["import"], ["dedup"], ["export"], ["extract"], ["search"], ["stats"], ["verify"],
                      ["backup"], ["renormalize"], ["clusters", "list"], ["clusters", "show"], ["clusters", "explain"],
                      ["clusters", "export"], ["clusters", "rebuild"], ["docs", "list"], ["docs", "show"], ["feeds", "add"],
                      ["feeds", "list"], ["feeds", "remove"], ["feeds", "parse"], ["feeds", "import-opml"],
                      ["feeds", "export-opml"], ["config", "init"], ["config", "check"], ["archive", "copy"]]
        for command in leaves {
            let help = try IngestdProcess.run(command + ["--help"])
            #expect(help.stdout.contains("Exit codes: see 'ingestd help exit-codes'."), "\(command)")
            #expect(help.stdout.contains("Example: ingestd \(command.joined(separator: " "))"), "an example in \(command)")
            #expect(!help.stdout.contains("73 cannot create"), "the table is not repeated in \(command)")
        }
    }
}

/// `ingestd run --metrics-file`: the pass's figures, in a file node_exporter's textfile
/// collector reads, replaced whole after each pass.
struct MetricsFileTests {
    @Test func aPassWritesItsFiguresInPrometheusTextFormat() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "news/two.html")])
        try site.feed("b", items: [("g1", "news/one.html")])
        let metrics = site.folder.appendingPathComponent("ingestd.prom").path
        let first = try site.run(["feeds/a.rss", "feeds/b.rss", "feeds/missing.rss"], flags: ["--metrics-file", metrics])
        #expect(first.status == 0, "\(first.stderr)")
        let samples = try PrometheusText.parse(try String(contentsOfFile: metrics, encoding: .utf8))
        #expect(samples["ingestd_feeds{state=\"fetched\"}"] == 3)
        #expect(samples["ingestd_feeds{state=\"failed\"}"] == 1)
        #expect(samples["ingestd_documents_added{relation=\"canonical\"}"] == 2)
        #expect(samples["ingestd_documents_seen_again"] == 1, "feed b links the page feed a brought")
        #expect(samples["ingestd_documents_added{relation=\"syndicated\"}"] == 0)
        #expect(samples["ingestd_documents_added{relation=\"exact\"}"] == nil, "an exact copy adds no document")
        #expect((samples["ingestd_bytes_fetched"] ?? 0) > 1_000)
        #expect((samples["ingestd_archive_bytes"] ?? 0) > 10_000)
        #expect((samples["ingestd_pass_duration_seconds"] ?? -1) >= 0)
        let second = try site.run(["feeds/a.rss", "feeds/b.rss"], flags: ["--metrics-file", metrics])
        #expect(second.status == 0)
        let again = try PrometheusText.parse(try String(contentsOfFile: metrics, encoding: .utf8))
        #expect(again["ingestd_feeds{state=\"not_modified\"}"] == 2)
        #expect(again["ingestd_documents_added{relation=\"canonical\"}"] == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).allSatisfy { !$0.hasSuffix(".partial") })
    }

    /// The checker the test above relies on refuses malformed exposition text.
    @Test func theCheckerRefusesWhatPrometheusRefuses() throws {
        let good = "# HELP a_b Help.\n# TYPE a_b gauge\na_b{x=\"1\\\"q\"} 2\na_b 3.5\n"
        #expect(try PrometheusText.parse(good).count == 2)
        for bad in ["a_b 1\n", "# TYPE a_b gauge\na_b{x=\"1} 2\n", "# TYPE a_b gauge\na_b 1\na_b 2\n",
                    "# TYPE 1a gauge\n", "# TYPE a_b gauge\na_b one\n", "# TYPE a_b lemon\n"] {
            #expect(throws: PrometheusText.Failure.self, "\(bad)") { try PrometheusText.parse(bad) }
        }
    }
}
