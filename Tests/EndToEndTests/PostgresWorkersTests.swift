import Foundation
import Testing
import TestSupport

/// Four `ingestd run` workers sharing one PostgreSQL archive: 400 feeds on 40 hosts, every
/// story syndicated word for word by a feed on each host.
@Suite(.serialized, .enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresWorkersTests {
    static let workers = 4
    static let passes = 20

    /// Twenty passes, each into a new database: every feed fetched exactly once, no host
    /// asked twice within its delay across all workers, and the clusters (as sets of pages)
    /// those of a single run into SQLite.
    @Test func fourWorkersShareFourHundredFeedsPoliteAndConsistentTwentyTimes() throws {
        let site = try SyndicatedFeedSite(hosts: 40, feedsPerHost: 10, delay: 0.1)
        let single = site.folder.appendingPathComponent("single.sqlite").path
        let alone = try IngestdProcess.run(["run", "--config", site.config, "--archive", single])
        #expect(alone.status == 0, "\(alone.stderr)")
        let expected = try site.clusters(single)
        #expect(expected.count == 10 && expected.allSatisfy { $0.count == 40 }, "\(expected.map(\.count))")
        for pass in 1...Self.passes {
            let url = try ThrowawayPostgres.shared().createDatabase()
            let before = site.server.arrivals.count
            let workers = try (0..<Self.workers).map { _ in try IngestdProcess.start(["run", "--config", site.config, "--archive", url]) }
            for worker in workers {
                let err = String(decoding: worker.standardErrorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                worker.process.waitUntilExit()
                #expect(worker.process.terminationStatus == 0, "pass \(pass): \(err)")
            }
            let problems = site.passProblems(after: before), polite = problems.isEmpty
            #expect(polite, "pass \(pass): \(problems.count) problems, such as \(problems.prefix(3))")
            let same = try site.clusters(url) == expected
            #expect(same, "pass \(pass): the clusters differ from a single run's")
        }
    }

    /// One of four workers killed (SIGKILL) mid-pass: the other three finish every feed
    /// they claim, the killed one's leases run out (its run deadline plus 10 s), and a
    /// worker started then takes those feeds. Every page is archived once, nothing is left
    /// for a later pass, and the clusters are a single run's.
    @Test func aKilledWorkersFeedsAreFinishedByAnother() throws {
        let site = try SyndicatedFeedSite(hosts: 40, feedsPerHost: 10, delay: 0.1)
        let single = site.folder.appendingPathComponent("single.sqlite").path
        #expect(try IngestdProcess.run(["run", "--config", site.config, "--archive", single]).status == 0)
        let hurried = site.folder.appendingPathComponent("deadline.yaml").path
        try (try String(contentsOfFile: site.config, encoding: .utf8) + "  run_deadline_seconds: 4\n")
            .write(toFile: hurried, atomically: true, encoding: .utf8)
        let url = try ThrowawayPostgres.shared().createDatabase()
        let started = Date()
        // The worker to be killed has a run deadline, so its leases run out 10 s after it.
        let workers = try (0..<Self.workers).map { i in
            try IngestdProcess.start(["run", "--config", i == 0 ? hurried : site.config, "--archive", url])
        }
        Thread.sleep(forTimeInterval: 1.5)
        kill(workers[0].process.processIdentifier, SIGKILL)
        for worker in workers {
            _ = worker.standardErrorPipe.fileHandleForReading.readDataToEndOfFile()
            worker.process.waitUntilExit()
        }
        Thread.sleep(forTimeInterval: max(0, 4 + 10.5 - Date().timeIntervalSince(started)))
        let after = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        let more = try IngestdProcess.run(["run", "--all", "--config", site.config, "--archive", url])
        #expect(more.stdout.contains(" 0 documents added"), "a later pass finds nothing missing: \(more.stdout)")
        #expect(try site.clusters(url) == site.clusters(single))
        let stats = try IngestdProcess.run(["stats", "--json", "--archive", url]).stdout
        let counts = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any] ?? [:]
        #expect(counts["documents"] as? Int == 1_200, "\(stats)")
    }
}
