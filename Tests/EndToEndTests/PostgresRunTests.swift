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
        // Run again: nothing is due, nothing is fetched twice.
        let again = try IngestdProcess.run(["run", "--config", site.config, "--archive", url])
        #expect(again.status == 0 && again.stdout.contains("0 documents added"), "\(again.stdout)\(again.stderr)")
    }
}
