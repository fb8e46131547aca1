import Foundation
import GRDB
import Testing
import TestSupport

/// `ingestd run` as cron runs it: a real binary, a real HTTP server, a real SQLite file.
@Suite(.serialized)
struct RunCommandTests {
    @Test func theDemoOverHTTPClustersRightAndASecondRunAddsNothing() throws {
        let site = try DemoSite()
        let first = try site.run()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("12 documents added (3 joined a cluster)"), "\(first.stdout)")
        #expect(Set(try site.clusters()) == DemoSite.expectedClusters)

        let requestsBefore = site.server.requests.count
        let statsBefore = try IngestdProcess.run(["stats", "--json", "--archive", site.archive]).stdout
        let notDue = try site.run()
        #expect(notDue.stdout.contains("0 feeds (0 unchanged, 0 failed), 4 not due"), "\(notDue.stdout)")
        #expect(site.server.requests.count == requestsBefore)
        let second = try site.run(all: true)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("4 feeds (4 unchanged, 0 failed), 0 not due"), "\(second.stdout)")
        #expect(second.stdout.contains("0 documents added"))
        let secondRequests = site.server.requests.dropFirst(requestsBefore)
        #expect(secondRequests.count == 4 && secondRequests.allSatisfy { $0.hasSuffix(" 304") }, "\(secondRequests)")
        let statsAfter = try IngestdProcess.run(["stats", "--json", "--archive", site.archive]).stdout
        #expect(Self.counts(statsAfter) == Self.counts(statsBefore))
    }

    @Test func aRunWithoutFeedsSaysWhereTheyComeFrom() throws {
        let folder = try TestPaths.temporaryFolder()
        let config = folder.appendingPathComponent("c.yaml")
        try Data("feeds: []\n".utf8).write(to: config)
        let run = try IngestdProcess.run(["run", "--config", config.path, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("no feeds to fetch: list them under `feeds:` in the config"), "\(run.stderr)")
    }

    @Test func aConcurrentRunExitsAtOnceWithTheLockedCode() throws {
        let site = try DemoSite(delaySeconds: 0.3)
        let slow = try IngestdProcess.start(["run", "--config", site.config, "--archive", site.archive])
        defer { kill(slow.process.processIdentifier, SIGKILL); slow.process.waitUntilExit() }
        try waitFor { FileManager.default.fileExists(atPath: site.archive) }
        let started = Date()
        let second = try site.run()
        #expect(second.status == 75)
        #expect(second.stderr.contains("another ingestd process is writing to \(site.archive)"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aRunKilledMidPassLeavesNoPartialDocumentsAndTheNextRunCompletes() throws {
        let site = try DemoSite(delaySeconds: 0.25)
        let victim = try IngestdProcess.start(["run", "--config", site.config, "--archive", site.archive])
        try waitFor { (try? Self.documentCount(site.archive)) ?? 0 >= 3 }
        kill(victim.process.processIdentifier, SIGKILL)
        victim.process.waitUntilExit()
        let archived = try Self.documentCount(site.archive)
        #expect(archived >= 3 && archived < 12, "killed after \(archived) documents")
        try Self.expectSound(site.archive)

        let rerun = try site.run()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.documentCount(site.archive) == 12)
        try Self.expectSound(site.archive)
        #expect(Set(try site.clusters()) == DemoSite.expectedClusters)
        #expect(try site.run().stdout.contains("0 documents added"))
    }

    /// integrity_check ok, and every document is whole: text, cluster, sighting, capture.
    static func expectSound(_ archive: String) throws {
        let db = try DatabaseQueue(path: archive)
        try db.read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let partial = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM documents d
                WHERE d.cluster_id IS NULL OR length(d.text) = 0
                   OR NOT EXISTS (SELECT 1 FROM sightings s WHERE s.document_id = d.id)
                   OR NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = d.cluster_id)
                   OR NOT EXISTS (SELECT 1 FROM index_segments g WHERE d.id BETWEEN g.first_document_id AND g.last_document_id)
                """)
            #expect(partial == 0)
        }
    }

    static func documentCount(_ archive: String) throws -> Int {
        try DatabaseQueue(path: archive).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
    }

    static func counts(_ statsJSON: String) -> [String: Int] {
        let object = (try? JSONSerialization.jsonObject(with: Data(statsJSON.utf8))) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? Int }.filter { $0.key != "archive_file_bytes" }
    }
}

/// Polls `condition` every 50 ms for up to 20 s.
func waitFor(_ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
        if try condition() { return }
        usleep(50_000)
    }
    throw TestFailure("condition not met within 20 s")
}
