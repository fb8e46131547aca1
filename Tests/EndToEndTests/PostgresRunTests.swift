import Foundation
import Testing
import TestSupport

/// `ingestd run` on a PostgreSQL archive: workers share the feeds through leases.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresRunTests {
    /// Three runs started at once on the demo sites: every feed is fetched once, every page
    /// once, and the clusters are the ones a single run makes (same sizes, the same pages
    /// in them as the demo's known clusters).
    @Test func runsAtOnceFetchEachFeedOnceAndClusterAsOneRun() throws {
        let site = try DemoSite()
        let url = try ThrowawayPostgres.shared().createDatabase()
        let workers = try (0..<3).map { _ in try IngestdProcess.start(["run", "--config", site.config, "--archive", url]) }
        for worker in workers {
            let out = String(decoding: worker.standardOutputPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let err = String(decoding: worker.standardErrorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            worker.process.waitUntilExit()
            #expect(worker.process.terminationStatus == 0, "\(out)\(err)")
        }
        let gets = site.server.requests.filter { $0.hasPrefix("GET ") && !$0.contains("robots.txt") }
        let feeds = gets.filter { $0.contains("/feeds/") }
        #expect(feeds.count == 4 && Set(feeds).count == 4, "\(feeds)")
        let pages = gets.filter { $0.contains("/pages/") }
        #expect(!pages.isEmpty && Set(pages).count == pages.count, "each page fetched once: \(pages)")

        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", url])
        let clusters = exported.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["cluster"] as? Int
        }
        let sizes = Dictionary(grouping: clusters, by: { $0 }).values.map(\.count).filter { $0 > 1 }.sorted()
        #expect(sizes == DemoSite.expectedClusters.map(\.count).sorted(), "\(exported.stdout)")
        // The cluster views read PostgreSQL as they read SQLite.
        let listed = try IngestdProcess.run(["clusters", "list", "--members", "--json", "--archive", url])
        let list = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        let clusterPages = list.map { cluster in
            Set(((cluster["members"] as? [[String: Any]]) ?? []).flatMap { ($0["urls"] as? [String]) ?? [] }.map {
                URL(string: $0)!.deletingPathExtension().lastPathComponent
            })
        }
        #expect(Set(clusterPages) == DemoSite.expectedClusters, "\(listed.stdout)\(listed.stderr)")
        let first = try #require((list.first?["cluster"] as? [String: Any])?["id"] as? Int)
        let shown = try IngestdProcess.run(["clusters", "show", String(first), "--archive", url])
        #expect(shown.status == 0 && shown.stdout.contains("canonical"), "\(shown.stdout)\(shown.stderr)")
        #expect(try IngestdProcess.run(["clusters", "show", "999999", "--archive", url]).status == 66)
        // The report reads PostgreSQL as it reads SQLite.
        let report = try IngestdProcess.run(["clusters", "report", "--html", "-", "--archive", url])
        #expect(report.status == 0 && report.stdout.components(separatedBy: "<section class=\"cluster\"").count == 3,
                "\(report.stderr)")
        #expect(report.stdout.contains("<mark class=\"p0\"") && report.stdout.contains("<del>"))
        #expect(report.stdout.contains("12 documents, 3 of them copies or rewrites"))
        #expect(report.stdout.contains("<title>03-03: originals 3, copies 2</title>"), "the strike's day, counted by the server")
        // Run again: nothing is due, nothing is fetched twice.
        let again = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(again.status == 0 && again.stdout.contains("0 documents added"), "\(again.stdout)\(again.stderr)")
    }

    /// `feeds add`, `list` and `remove` on PostgreSQL, and a run of the added feed.
    @Test func feedsAreAddedListedRunAndRemoved() throws {
        let site = try DemoSite()
        let url = try ThrowawayPostgres.shared().createDatabase()
        let feed = site.server.url("feeds/meridian-wire.atom")
        let added = try IngestdProcess.run(["feeds", "add", feed, "--archive", url])
        #expect(added.status == 0 && added.stdout.contains("added \(feed)"), "\(added.stdout)\(added.stderr)")
        let emptyConfig = site.folder.appendingPathComponent("empty.yaml").path
        try Data("fetch:\n  allow_networks: [127.0.0.0/8]\n".utf8).write(to: URL(fileURLWithPath: emptyConfig))
        let run = try IngestdProcess.run(["run", "--config", emptyConfig, "--archive", url])
        #expect(run.status == 0 && run.stdout.contains("1 feeds"), "\(run.stdout)\(run.stderr)")
        let listed = try IngestdProcess.run(["feeds", "list", "--archive", url]).stdout
        #expect(listed.hasPrefix("STATE\tURL\tTITLE\tLAST FETCH\tNEXT FETCH\nok\t\(feed)\t"), "\(listed)")
        #expect(try IngestdProcess.run(["feeds", "remove", feed, "--archive", url]).stdout.contains("removed"))
        #expect(try IngestdProcess.run(["feeds", "list", "--archive", url]).stdout.hasPrefix("no feeds"))
    }

    /// A worker killed mid-pass (SIGKILL, its pages still downloading) leaves its feeds
    /// leased: another worker started at once takes none of them, and once the leases run
    /// out (the run deadline plus 10 s) a run takes them all and archives every page once.
    @Test func aKilledWorkersFeedsAreTakenUpWhenItsLeasesRunOut() throws {
        let site = try DemoSite(delaySeconds: 3)
        let url = try ThrowawayPostgres.shared().createDatabase()
        let hurried = site.folder.appendingPathComponent("deadline.yaml").path
        try (try String(contentsOfFile: site.config, encoding: .utf8) + "  run_deadline_seconds: 2\n")
            .write(toFile: hurried, atomically: true, encoding: .utf8)
        let killed = try IngestdProcess.start(["run", "--config", hurried, "--archive", url])
        Thread.sleep(forTimeInterval: 1)
        kill(killed.process.processIdentifier, SIGKILL)
        killed.process.waitUntilExit()
        let meanwhile = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(meanwhile.status == 0 && meanwhile.stdout.contains("run: 0 feeds"), "\(meanwhile.stdout)\(meanwhile.stderr)")
        Thread.sleep(forTimeInterval: 12)
        let after = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(after.status == 0 && after.stdout.contains("run: 4 feeds") && after.stdout.contains("12 documents added"),
                "\(after.stdout)\(after.stderr)")
        let pages = site.server.requests.filter { $0.hasPrefix("GET /pages/") }.map { $0.split(separator: " ")[1] }
        #expect(Set(pages).count == 12, "every page fetched: \(pages)")
    }
}
