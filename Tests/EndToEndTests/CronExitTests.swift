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
        for command in [["run"], ["import"], ["search"], ["clusters", "list"], ["feeds", "add"]] {
            let help = try IngestdProcess.run(command + ["--help"])
            #expect(help.stdout.contains("Exit codes: see 'ingestd help exit-codes'."), "\(command)")
            #expect(!help.stdout.contains("73 cannot create"), "the table is not repeated in \(command)")
        }
    }
}
