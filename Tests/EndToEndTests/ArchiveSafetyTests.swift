import Foundation
import GRDB
import Testing
import TestSupport

/// What ingestd does with archives it must not change or cannot trust: read-only files,
/// files that are not archives, archives from a newer version, interrupted backups,
/// locks reached through symlinks, header injection through stored values.
@Suite(.serialized)
struct ArchiveSafetyTests {
    /// A small archive of the demo pages, closed cleanly (no -wal or -shm beside it).
    static func archive() throws -> (folder: URL, path: String) {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("archive.sqlite").path
        let run = try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages").path, "--archive", path])
        guard run.status == 0 else { throw TestFailure("import failed: \(run.stderr)") }
        return (folder, path)
    }

    static func listing(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix(".lock") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static let readOnlyCommands: [[String]] = [
        ["verify"], ["stats"], ["search", "harbour"], ["export"], ["clusters", "list"], ["clusters", "show", "1"],
        ["docs", "show", "1"], ["feeds", "list"],
    ]

    /// The archive's bytes stay as they were. Where the folder is writable, SQLite may make
    /// its shared-memory index (`-shm`) and an empty `-wal` beside it, as any reader of a WAL
    /// database does; nothing is written to the WAL.
    @Test func readOnlyCommandsWriteNothing() throws {
        let (folder, path) = try Self.archive()
        let before = try Self.listing(folder)
        for command in Self.readOnlyCommands {
            let run = try IngestdProcess.run(command + ["--archive", path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        var after = try Self.listing(folder)
        after["archive.sqlite-shm"] = nil
        #expect(after.removeValue(forKey: "archive.sqlite-wal").map(\.isEmpty) ?? true, "the WAL was written to")
        #expect(after == before, "a read-only command changed or created a file")
    }

    /// As another user, in a folder and on a file they cannot write (root ignores modes).
    @Test func readOnlyCommandsWorkOnAnArchiveTheUserCannotWrite() throws {
        let (folder, path) = try Self.archive()
        let backup = try TestPaths.temporaryFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: backup.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        // A copy of the binary where that user may run it, wherever the checkout is.
        let binary = backup.appendingPathComponent("ingestd")
        try FileManager.default.copyItem(at: TestPaths.ingestd, to: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        for command in Self.readOnlyCommands + [["backup", backup.appendingPathComponent("copy.sqlite").path]] {
            let run = try IngestdProcess.runTool("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                                                     binary.path] + command + ["--archive", path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let copy = try IngestdProcess.run(["verify", "--archive", backup.appendingPathComponent("copy.sqlite").path])
        #expect(copy.stdout.contains("12 documents and 12 captures checked"), "\(copy.stdout)")
    }

    @Test func filesThatAreNotArchivesAreNamedAndLeftAlone() throws {
        let folder = try TestPaths.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: nil)
        let text = folder.appendingPathComponent("text.sqlite").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        for (file, reason) in [(empty, "it is empty"), (text, "not an SQLite database"), (other, "it holds tables (t) but no ingestd schema")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            let verify = try IngestdProcess.run(["verify", "--archive", file])
            #expect(verify.status == 65 && verify.stderr.contains("\(file) is not an ingestd archive: \(reason)"), "\(verify.stderr)")
            if file != empty {
                let run = try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages").path, "--archive", file])
                #expect(run.status == 65, "\(run.stderr)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        }
    }

    @Test func anArchiveFromANewerVersionIsRefusedAndUnchanged() throws {
        let (_, path) = try Self.archive()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["verify"], ["stats"], ["import", TestPaths.demo.appendingPathComponent("pages").path]] {
            let run = try IngestdProcess.run(command + ["--archive", path])
            #expect(run.status == 65, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("was written by a newer ingestd (its schema has v99-from-the-future"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aBackupAppearsOnlyWholeAndAStalePartialDoesNotBlockTheNext() throws {
        let (folder, path) = try Self.archive()
        let destination = folder.appendingPathComponent("backup.sqlite").path
        // What a backup killed midway leaves: a partial copy and its journal, never DEST.
        try Data("half a copy".utf8).write(to: URL(fileURLWithPath: destination + ".partial"))
        try Data("journal".utf8).write(to: URL(fileURLWithPath: destination + ".partial-journal"))
        let backup = try IngestdProcess.run(["backup", destination, "--archive", path])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: destination + ".partial"))
        let verify = try IngestdProcess.run(["verify", "--archive", destination])
        #expect(verify.status == 0 && verify.stdout.contains("12 documents"), "\(verify.stdout)\(verify.stderr)")
        #expect(try IngestdProcess.run(["backup", destination, "--archive", path]).status == 73, "never overwrites")
    }

    @Test func theLockHoldsThroughASymlinkAndAFolderIsRefused() throws {
        let site = try DemoSite(delaySeconds: 0.5)
        let link = site.folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site.archive)
        let slow = try IngestdProcess.start(["run", "--config", site.config, "--archive", link])
        defer { kill(slow.process.processIdentifier, SIGKILL); slow.process.waitUntilExit() }
        var blocked: IngestdProcess.Result?
        for _ in 0..<40 where blocked?.status != 75 {
            Thread.sleep(forTimeInterval: 0.1)
            blocked = try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages").path, "--archive", site.archive])
        }
        #expect(blocked?.status == 75, "\(blocked?.stderr ?? "")")
        let folder = try TestPaths.temporaryFolder()
        let run = try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages").path, "--archive", folder.path])
        #expect(run.status == 73 && run.stderr.contains("is a folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".lock"))
    }

    @Test func storedValuesCannotInjectWARCHeaders() throws {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        let text = "The harbour office counted the crates on the pier before the tide turned, and the night shift logged every arrival."
        let line = ["id": "x1", "text": text, "url": "http://evil.example/a\r\nWARC-Type: resource\r\n\r\nX"]
        try (try JSONSerialization.data(withJSONObject: line) + Data("\n".utf8)).write(to: corpus)
        let archive = folder.appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", corpus.path, "--archive", archive]).status == 0)
        let warc = folder.appendingPathComponent("out.warc").path
        let export = try IngestdProcess.run(["export", "--format", "warc", "--out", warc, "--archive", archive])
        #expect(export.status == 0, "\(export.stderr)")
        let check = try Warcio.check(warc)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let records = try Warcio.index(warc, fields: ["warc-type", "warc-target-uri"])
        #expect(records.map { $0["warc-type"] ?? "" } == ["warcinfo", "response", "metadata"], "\(records)")
        #expect(records.dropFirst().allSatisfy { $0["warc-target-uri"] == "http://evil.example/a%0D%0AWARC-Type:%20resource%0D%0A%0D%0AX" },
                "\(records)")
    }

    /// Page-level damage: four pages of random bytes a third of the way in, and a copy cut
    /// in half. `verify` says what happened and points to `--salvage`, which reads row by
    /// row and names what it could not read; most rows are still read.
    /// An archive of a 3,000-document synthetic corpus (about 12 MB).
    static func corpusArchive() throws -> (folder: URL, path: String) {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        guard try IngestdProcess.run(["bench", "corpus", "--docs", "3000", "--out", corpus.path]).status == 0 else {
            throw TestFailure("bench corpus failed")
        }
        let path = folder.appendingPathComponent("sound.sqlite").path
        let run = try IngestdProcess.run(["import", "--jsonl", corpus.appendingPathComponent("corpus.jsonl").path, "--archive", path])
        guard run.status == 0 else { throw TestFailure("import failed: \(run.stderr)") }
        return (folder, path)
    }

    /// SIGKILL while the copy is being written: DEST does not exist, so nothing can take the
    /// half copy for a backup, and the next backup to the same path succeeds.
    @Test func aBackupKilledMidwayLeavesNoDestination() throws {
        let (folder, path) = try Self.corpusArchive()
        let destination = folder.appendingPathComponent("backup.sqlite").path
        let backup = try IngestdProcess.start(["backup", destination, "--archive", path])
        let started = Date()
        while !FileManager.default.fileExists(atPath: destination + ".partial"), Date().timeIntervalSince(started) < 20 {
            usleep(500)
        }
        kill(backup.process.processIdentifier, SIGKILL)
        backup.process.waitUntilExit()
        #expect(backup.process.terminationReason == .uncaughtSignal, "the backup finished before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: destination), "a half copy stands at DEST")
        #expect(try IngestdProcess.run(["verify", "--archive", destination]).status == 66)
        let again = try IngestdProcess.run(["backup", destination, "--archive", path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try IngestdProcess.run(["verify", "--archive", destination]).stdout.contains("3000 captures checked, 0 problems"))
    }

    @Test func pageLevelDamageIsNamedAndSalvaged() throws {
        let (folder, sound) = try Self.corpusArchive()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sound))
        var scribbled = bytes
        let page = 8_192, first = bytes.count / page / 3
        var generator = SystemRandomNumberGenerator()
        for offset in (first * page)..<((first + 4) * page) { scribbled[offset] = UInt8.random(in: 0...255, using: &generator) }
        let damaged = folder.appendingPathComponent("damaged.sqlite").path
        try scribbled.write(to: URL(fileURLWithPath: damaged))
        let truncated = folder.appendingPathComponent("truncated.sqlite").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        for file in [damaged, truncated] {
            let verify = try IngestdProcess.run(["verify", "--archive", file])
            #expect(verify.status == 65, "\(verify.stderr)")
            #expect(verify.stderr.contains("`ingestd verify --salvage` reads what it can") || verify.stdout.contains("problems"),
                    "\(verify.stdout)\(verify.stderr)")
            let salvage = try IngestdProcess.run(["verify", "--salvage", "--json", "--archive", file])
            #expect(salvage.status == 65, "\(salvage.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(salvage.stdout.utf8)) as? [String: Any]
            let tables = report?["tables"] as? [[String: Any]] ?? []
            let soundRows = tables.compactMap { $0["sound"] as? Int }.reduce(0, +)
            let named = tables.map { (($0["damaged"] as? [Any])?.count ?? 0) + (($0["unreadable"] as? [Any])?.count ?? 0)
                + ($0["failure"] == nil || $0["failure"] is NSNull ? 0 : 1) }.reduce(0, +)
            #expect(soundRows > 4_000, "\(file): only \(soundRows) rows read")
            #expect(named > 0, "\(file): nothing named as damaged: \(salvage.stdout.prefix(500))")
        }
    }
}
