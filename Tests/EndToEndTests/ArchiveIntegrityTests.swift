import Foundation
import GRDB
import Testing
import TestSupport

/// `ingestd verify` and `ingestd backup` on a real archive made by `ingestd run`.
@Suite(.serialized)
struct ArchiveIntegrityTests {
    private func damage(_ archive: String, _ sql: String) throws {
        try DatabaseQueue(path: archive).write { db in try db.execute(sql: sql) }
    }

    @Test func aFlippedByteInATextNamesTheDocument() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        #expect(try IngestdProcess.run(["verify", "--archive", site.archive]).status == 0)
        // Flip one byte in the middle of document 3's zlib stream.
        try damage(site.archive, """
            UPDATE documents SET text = substr(text, 1, length(text) / 2)
                || CAST(char((unicode(substr(text, length(text) / 2 + 1, 1)) + 1) % 128) AS BLOB)
                || substr(text, length(text) / 2 + 2) WHERE id = 3
            """)
        let run = try IngestdProcess.run(["verify", "--archive", site.archive])
        #expect(run.status == 65)
        #expect(run.stdout.contains("document 3: text"), "\(run.stdout)")
        let problems = run.stdout.split(separator: "\n").filter { !$0.hasPrefix("verify:") }
        #expect(problems.count == 2, "document 3, and its capture stored against its text: \(problems)")
        #expect(problems.last?.hasSuffix("stored against the text of document 3, which is damaged") == true)
    }

    @Test func aReplacedCaptureBodyNamesTheCapture() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        try damage(site.archive, "UPDATE captures SET body = (SELECT body FROM captures WHERE id = 1) WHERE id = 2")
        let run = try IngestdProcess.run(["verify", "--json", "--archive", site.archive])
        #expect(run.status == 65)
        #expect(run.stdout.contains("\"object\" : \"capture\"") && run.stdout.contains("\"id\" : 2"), "\(run.stdout)")
    }

    @Test func exportAndBackupWorkWhileARunWrites() throws {
        let site = try DemoSite(delaySeconds: 0.3)
        let writer = try IngestdProcess.start(["run", "--config", site.config, "--archive", site.archive])
        defer { kill(writer.process.processIdentifier, SIGKILL); writer.process.waitUntilExit() }
        try waitFor { (try? RunCommandTests.documentCount(site.archive)) ?? 0 >= 2 }
        let export = try IngestdProcess.run(["export", "--archive", site.archive])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.split(separator: "\n").count >= 2)
        let copy = site.folder.appendingPathComponent("backups/2026/backup.sqlite").path  // folders made as needed
        let backup = try IngestdProcess.run(["backup", copy, "--archive", site.archive])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try IngestdProcess.run(["verify", "--archive", copy]).status == 0)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationStatus == 0)
        #expect(try RunCommandTests.documentCount(site.archive) == 12)
    }
}
