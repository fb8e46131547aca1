import Foundation
import Testing
import TestSupport

/// A real full disk: a small tmpfs mounted for the test (root only), filled by an import.
/// The import stops with 74 and keeps what it had committed, the WAL gives its space back,
/// read-only commands still work, and once there is room again the same import completes.
@Suite(.serialized, .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
struct DiskFullTests {
    static func mount(_ arguments: [String]) throws -> Int32 {
        try IngestdProcess.runTool("/usr/bin/env", arguments).status
    }

    @Test func anImportThatFillsTheDiskStopsCleanlyAndCompletesLater() throws {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "3000", "--out", corpus.path]).status == 0)
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard try Self.mount(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.path]) == 0 else {
            Issue.record("cannot mount a tmpfs here")
            return
        }
        defer { _ = try? Self.mount(["umount", disk.path]) }
        let archive = disk.appendingPathComponent("archive.sqlite").path
        let jsonl = corpus.appendingPathComponent("corpus.jsonl").path

        let full = try IngestdProcess.run(["import", "--jsonl", jsonl, "--archive", archive])
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.contains("the disk is full"), "\(full.stderr)")
        let wal = (try? FileManager.default.attributesOfItem(atPath: archive + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the WAL kept \(wal) bytes of the rolled-back batch")
        for command in [["verify"], ["stats"], ["export", "--out", folder.appendingPathComponent("out.jsonl").path]] {
            let run = try IngestdProcess.run(command + ["--archive", archive])
            #expect(run.status == 0, "\(command) after disk full: \(run.stderr)")
        }

        #expect(try Self.mount(["mount", "-o", "remount,size=128m", disk.path]) == 0)
        let again = try IngestdProcess.run(["import", "--jsonl", jsonl, "--archive", archive])
        #expect(again.status == 0, "\(again.stderr)")
        let verify = try IngestdProcess.run(["verify", "--archive", archive])
        #expect(verify.status == 0 && verify.stdout.contains("and 3000 captures checked"), "\(verify.stdout)\(verify.stderr)")
    }
}
