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
        // Run again: nothing is due, nothing is fetched twice.
        let again = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(again.status == 0 && again.stdout.contains("0 documents added"), "\(again.stdout)\(again.stderr)")
    }

    /// Three runs at once on 40 feeds over 8 hosts (every story also syndicated, word for
    /// word, by a feed on each other host): every feed fetched once, requests to each host
    /// at least its delay apart across all three workers, and the same clusters as one run
    /// into SQLite.
    @Test func runsAtOnceStayPoliteAcrossWorkers() throws {
        let folder = try TestPaths.temporaryFolder()
        let server = try LoopbackServer(root: folder)
        let hosts = (0..<8).map { "h\($0).localhost:\(server.port)" }
        for sub in ["feeds", "news"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var feeds: [String] = []
        for (h, host) in hosts.enumerated() {
            for f in 0..<5 {
                let items = (0..<3).map { i -> (String, Int) in
                    // Item 0 of feed f is story f on every host; the others are the host's own.
                    ("news/\(h)-\(f)-\(i).html", i == 0 ? f : 1_000 + h * 100 + f * 10 + i)
                }
                var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(h)-\(f)</title>"
                for (path, story) in items {
                    xml += "<item><title>Story \(story)</title><guid>\(path)</guid><link>http://\(host)/\(path)</link></item>"
                    let text = (1...4).map { n in
                        "<p>Report \(story)-\(n) from the harbour office: inspector Calder\(story) counted \(story * n + 7) crates on pier \(n), "
                            + "and the night shift logged \(story % 97 + n) arrivals before the tide turned at \(n + 3) o'clock.</p>"
                    }.joined()
                    try Data("<html><head><title>Story \(story)</title></head><body><article>\(text)</article></body></html>".utf8)
                        .write(to: folder.appendingPathComponent(path))
                }
                let feed = "feeds/\(h)-\(f).rss"
                try Data((xml + "</channel></rss>").utf8).write(to: folder.appendingPathComponent(feed))
                feeds.append("http://\(host)/\(feed)")
            }
        }
        let delay = 0.25
        let yaml = "feeds:\n" + feeds.map { "  - url: \($0)\n" }.joined()
            + "fetch:\n  allow_networks: [127.0.0.0/8]\n  per_host_delay_seconds: \(delay)\n  per_host_concurrent: 1\n"
        let config = folder.appendingPathComponent("ingestd.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        let url = try ThrowawayPostgres.shared().createDatabase()
        let workers = try (0..<3).map { _ in try IngestdProcess.start(["run", "--config", config, "--archive", url]) }
        for worker in workers {
            let err = String(decoding: worker.standardErrorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            worker.process.waitUntilExit()
            #expect(worker.process.terminationStatus == 0, "\(err)")
        }
        let arrivals = server.arrivals
        let feedPaths = arrivals.filter { $0.path.hasPrefix("/feeds/") }.map { $0.host + $0.path }
        #expect(feedPaths.count == 40 && Set(feedPaths).count == 40)
        #expect(arrivals.filter { $0.path.hasPrefix("/news/") }.count == 120)
        for host in hosts {
            let times = arrivals.filter { $0.host == host }.map(\.time).sorted()
            let closest = zip(times.dropFirst(), times).map { $0 - $1 }.min() ?? delay
            #expect(closest >= delay - 0.03, "\(host): two requests \(closest) s apart (delay \(delay) s)")
        }
        func clusterSizes(_ archive: String) throws -> [Int] {
            let out = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
            let clusters = out.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["cluster"] as? Int
            }
            return Dictionary(grouping: clusters, by: { $0 }).values.map(\.count).sorted()
        }
        let single = folder.appendingPathComponent("single.sqlite").path
        #expect(try IngestdProcess.run(["run", "--config", config, "--archive", single]).status == 0)
        let shared = try clusterSizes(url), alone = try clusterSizes(single)
        #expect(shared == alone && shared.filter { $0 == 8 }.count == 5, "\(shared) against \(alone)")
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
        #expect(listed.hasPrefix("ok\t\(feed)\t"), "\(listed)")
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
