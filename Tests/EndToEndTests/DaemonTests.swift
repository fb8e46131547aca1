import Foundation
import Testing
import TestSupport

/// `ingestd daemon` as systemd runs it: passes on an interval, /metrics and /healthz on
/// loopback, SIGTERM in the middle of a pass.
@Suite(.serialized)
struct DaemonTests {
    /// The daemon, started; its address once it says where it serves.
    private struct Daemon {
        let running: IngestdProcess.Running
        let address: String

        /// Writes the daemon's config: these feeds, loopback allowed.
        static func configure(_ site: FetchSite, feeds: [String]) throws -> URL {
            let yaml = "feeds:\n" + feeds.map { "  - url: \(site.server.url($0))\n" }.joined()
                + "fetch:\n  allow_networks: [127.0.0.0/8]\n  per_host_delay_seconds: 0\n  per_host_concurrent: 1\n  retries: 0\n"
            let config = site.folder.appendingPathComponent("daemon.yaml")
            try Data(yaml.utf8).write(to: config)
            return config
        }

        init(_ site: FetchSite, feeds: [String], interval: String = "1") throws {
            let config = try Self.configure(site, feeds: feeds)
            running = try IngestdProcess.start(["daemon", "--interval", interval, "--listen", "127.0.0.1:0", "--config", config.path,
                                                "--archive", site.archive])
            var seen = ""
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !seen.contains("serving /metrics") {
                let chunk = running.standardErrorPipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            let found = seen.firstRange(of: "http://127.0.0.1:").map { seen[$0.lowerBound...].prefix { !$0.isWhitespace } }
            address = String(try #require(found, "the daemon says where it serves: \(seen)"))
        }

        /// GET `path` (with Python's urllib, which `make test` installs): status and body.
        func get(_ path: String) throws -> (status: Int, body: String) {
            let script = """
                import sys, urllib.request, urllib.error
                try:
                    r = urllib.request.urlopen(sys.argv[1], timeout=10); code, body = r.status, r.read()
                except urllib.error.HTTPError as e:
                    code, body = e.code, e.read()
                sys.stdout.write(str(code) + "\\n" + body.decode())
                """
            let out = try IngestdProcess.runTool("/usr/bin/env", ["python3", "-c", script, address + path])
            let status = Int(out.stdout.prefix { $0 != "\n" }) ?? 0
            return (status, String(out.stdout.drop { $0 != "\n" }.dropFirst()))
        }

        func terminate() -> Int32 {
            kill(running.process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(15)
            while running.process.isRunning, Date() < deadline { usleep(50_000) }
            if running.process.isRunning { running.process.interrupt() }
            running.process.waitUntilExit()
            return running.process.terminationStatus
        }
    }

    @Test func metricsAndHealthAreServedAfterAPass() throws {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html"), ("g2", "news/two.html")])
        let daemon = try Daemon(site, feeds: ["feeds/a.rss"])
        var metrics: [String: Double] = [:]
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, metrics["ingestd_documents_added{relation=\"canonical\"}"] == nil {
            usleep(200_000)
            metrics = try PrometheusText.parse(try daemon.get("/metrics").body)
        }
        #expect(metrics["ingestd_feeds{state=\"fetched\"}"] != nil, "\(metrics)")
        let health = try daemon.get("/healthz")
        #expect(health.status == 200 && health.body.hasPrefix("ok"), "\(health)")
        #expect(try daemon.get("/nothing").status == 404)
        // SIGHUP: the config is read again; its new feed is fetched by the next pass.
        try site.feed("b", items: [("g3", "news/three.html")])
        _ = try Daemon.configure(site, feeds: ["feeds/a.rss", "feeds/b.rss"])
        kill(daemon.running.process.processIdentifier, SIGHUP)
        let reloaded = Date().addingTimeInterval(20)
        while Date() < reloaded, try site.documentCount() < 3 { usleep(200_000) }
        #expect(try site.documentCount() == 3)
        #expect(daemon.terminate() == 0)
    }

    /// SIGTERM while pages are still arriving: the daemon exits 0 at once, its lock is free, the
    /// archive verifies, and a later run fetches what the stopped pass left.
    @Test func sigtermMidPassExitsCleanlyAndLosesNothing() throws {
        let site = try FetchSite(pageDelay: 2)
        let pages = (1...4).map { ("g\($0)", "pages/story-\($0).html") }
        try site.feed("slow", items: pages)
        let daemon = try Daemon(site, feeds: ["feeds/slow.rss"], interval: "60")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !site.requests("feeds/slow.rss").contains(where: { $0.hasSuffix("200") }) { usleep(100_000) }
        usleep(500_000)  // the first page is on its way
        let stoppedAt = Date()
        #expect(daemon.terminate() == 0)
        #expect(Date().timeIntervalSince(stoppedAt) < 5, "the pass stopped where it was")
        let stderr = String(decoding: daemon.running.standardErrorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("SIGTERM"), "\(stderr)")
        #expect(try site.documentCount() < 4)
        #expect(try IngestdProcess.run(["verify", "--archive", site.archive]).status == 0)
        let run = try site.run(["feeds/slow.rss"], fetch: ["low_speed_seconds": "5", "total_timeout_seconds": "20"])
        #expect(run.status == 0, "the lock was released and the stopped entries are fetched: \(run.stderr)")
        #expect(try site.documentCount() == 4)
    }
}
