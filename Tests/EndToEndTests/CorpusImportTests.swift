import Foundation
import Testing
import TestSupport

/// `import --jsonl`, `clusters export --jsonl` and `clusters explain` through the real binary.
struct CorpusImportTests {
    let folder: URL
    let archive: String

    static let wire = """
        The regional council approved funding on Monday for a road bridge across the Estrel river, ending more than ten years of disputes over its route and cost. \
        Drivers currently make a long detour through the city of Tarn or wait for a car ferry that runs every half hour and stops in high winds.
        """
    static let rewrite = """
        Lower Estrel finally has its bridge. After years of argument, councillors backed the plan this week. \
        Until it opens, commuters wait for a car ferry that runs every half hour and stops in high winds. \
        The decision ends more than ten years of disputes over its route and cost, officials said.
        """

    init() throws {
        folder = try TestPaths.temporaryFolder()
        archive = folder.appendingPathComponent("a.sqlite").path
        let lines: [[String: Any]] = [
            ["id": "w1", "text": Self.wire, "source": "wire"],
            ["id": 2, "text": Self.wire, "source": "copycat"],
            ["id": "r3", "text": Self.rewrite, "title": "Bridge at last", "published": "2026-03-03T10:00:00Z"],
            ["id": "x4", "text": "An unrelated note about the weather in Tarn, which stayed dry and mild all week long."],
        ]
        var corpus = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        corpus.insert("{\"id\": 9}", at: 2)
        try Data((corpus.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("corpus.jsonl"))
    }

    private func importCorpus() throws -> IngestdProcess.Result {
        try IngestdProcess.run(["import", "--jsonl", folder.appendingPathComponent("corpus.jsonl").path, "--archive", archive])
    }

    /// gzip (by its bytes, under any name), a folder, standard input and other field names
    /// all archive the same lines as the plain file.
    @Test func gzipFoldersStandardInputAndFieldNamesReadTheSameLines() throws {
        _ = try importCorpus()
        let plain = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        let inputs = try TestPaths.temporaryFolder()
        #expect(try IngestdProcess.runTool("/bin/sh", ["-c", "gzip -c \"$1\" > \"$2/part.data\"", "sh", corpus, inputs.path]).status == 0)
        let renamed = try String(contentsOfFile: corpus, encoding: .utf8).replacingOccurrences(of: #""text""#, with: #""body""#)
        try renamed.write(toFile: inputs.appendingPathComponent("renamed.jsonl").path, atomically: true, encoding: .utf8)
        let cases: [(String, [String])] = [
            ("gzip under another name", [inputs.appendingPathComponent("part.data").path]),
            ("standard input", ["-"]),
            ("a folder, other field names", [inputs.path, "--text-field", "body"]),
        ]
        for (name, arguments) in cases {
            let other = folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
            let command = ["\"$1\"", "import", "--jsonl"] + arguments.map { "'\($0)'" } + ["--archive", other, "< \"$2\""]
            let result = try IngestdProcess.runTool("/bin/sh", ["-c", command.joined(separator: " "), "sh", TestPaths.ingestd.path, corpus])
            #expect(result.stdout.contains("5 JSONL records (1 failed)"), "\(name): \(result.stdout)\(result.stderr)")
            let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", other]).stdout
            #expect(exported == plain, "\(name)")
        }
    }

    /// A WARC file is read record by record (here its one record is no HTTP response, and is
    /// named), and a compressed file named as a page is refused by name: neither is glued
    /// into one document.
    @Test func aWARCOrGzipFileIsNotReadAsAPage() throws {
        let warc = folder.appendingPathComponent("crawl.warc")
        try Data("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\n<p>one page</p>\r\n\r\n\r\n".utf8).write(to: warc)
        let gz = folder.appendingPathComponent("page.html")
        try Data([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]).write(to: gz)
        let result = try IngestdProcess.run(["import", warc.path, gz.path, "--archive", archive])
        #expect(result.status == 1)
        #expect(result.stderr.contains("crawl.warc: byte 0:") && result.stderr.contains("without an HTTP response")
            && result.stderr.contains("page.html: gzip-compressed"), "\(result.stderr)")
        #expect(try IngestdProcess.run(["stats", "--json", "--archive", archive]).stdout.contains("\"documents\" : 0"))
    }

    /// The canonicals' own lines come back byte for byte: the corpus minus its duplicates.
    @Test func theCanonicalsSourceLinesComeBackUnchanged() throws {
        _ = try importCorpus()
        let lines = try String(contentsOf: folder.appendingPathComponent("corpus.jsonl"), encoding: .utf8).split(separator: "\n")
        let source = try IngestdProcess.run(["export", "--canonical-only", "--format", "source", "--archive", archive])
        #expect(source.status == 0, "\(source.stderr)")
        #expect(source.stdout == lines[0] + "\n" + lines[4] + "\n")
    }

    /// JSONL → import → export → import → export gives the same bytes, and each document's
    /// export line carries the corpus line it came from, byte for byte, as `record`.
    @Test func anExportCarriesTheUsersLinesAndRestoresToTheSameExport() throws {
        _ = try importCorpus()
        let lines = try String(contentsOf: folder.appendingPathComponent("corpus.jsonl"), encoding: .utf8).split(separator: "\n")
        let first = try IngestdProcess.run(["export", "--archive", archive])
        let exported = first.stdout.split(separator: "\n")
        #expect(exported.count == 3 && zip(exported, [lines[0], lines[3], lines[4]]).allSatisfy { $0.hasSuffix(",\"record\":" + $1 + "}") })
        let file = folder.appendingPathComponent("export.jsonl")
        try Data(first.stdout.utf8).write(to: file)
        let copy = folder.appendingPathComponent("restored.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", file.path, "--archive", copy]).status == 0)
        #expect(try IngestdProcess.run(["export", "--archive", copy]).stdout == first.stdout)
        #expect(try IngestdProcess.run(["export", "--canonical-only", "--format", "source", "--archive", copy]).stdout
            == lines[0] + "\n" + lines[4] + "\n")
        #expect(try IngestdProcess.run(["verify", "--archive", copy]).status == 0)

        // A record that is not the line its capture hashed is refused, nothing restored.
        let forged = first.stdout.replacingOccurrences(of: #""x4""#, with: #""x5""#)
        try Data(forged.utf8).write(to: file)
        let other = folder.appendingPathComponent("forged.sqlite").path
        let refused = try IngestdProcess.run(["import", "--jsonl", file.path, "--archive", other])
        #expect(refused.status == 65 && refused.stderr.contains("record does not hash"), "\(refused.stderr)")
    }

    /// An input that cannot be read leaves no archive and no lock file behind.
    @Test func aMissingInputLeavesNoDebris() throws {
        let other = folder.appendingPathComponent("never.sqlite").path
        for command in [["import", "--jsonl", "/nonexistent/corpus.jsonl"], ["import", "/nonexistent/pages"],
                        ["dedup", "/nonexistent/corpus.jsonl"]] {
            let result = try IngestdProcess.run(command + ["--archive", other])
            #expect(result.status == 66 && result.stderr.contains("/nonexistent/"), "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: other) && !FileManager.default.fileExists(atPath: other + ".lock"))
        }
    }

    @Test func idsComeBackWithTheirTypesAndRelations() throws {
        let imported = try importCorpus()
        #expect(imported.status == 1, "one bad line")
        #expect(imported.stderr.contains("corpus.jsonl:3") && imported.stderr.contains("missing \"text\""))
        let out = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
        let rows = try out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.count == 4)
        #expect(rows[0]["id"] as? String == "w1" && rows[0]["relation"] as? String == "canonical")
        #expect(rows[1]["id"] as? Int == 2 && rows[1]["relation"] as? String == "exact")
        #expect(rows[2]["id"] as? String == "r3" && rows[2]["relation"] as? String == "shared-wire-passages")
        #expect(rows[3]["id"] as? String == "x4" && rows[3]["relation"] as? String == "canonical")
        let clusters = rows.map { $0["cluster"] as! Int }
        #expect(clusters[0] == clusters[1] && clusters[1] == clusters[2] && clusters[3] != clusters[0])
        #expect(try importCorpus().stdout.contains("0 documents added"))
    }

    @Test func explainShowsThePassagesInBothTexts() throws {
        _ = try importCorpus()
        let text = try IngestdProcess.run(["clusters", "explain", "1", "2", "--archive", archive])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("verdict: shared-wire-passages"))
        #expect(text.stdout.contains("[wait for a car ferry that runs every half hour and stops in high winds]"))
        let json = try IngestdProcess.run(["clusters", "explain", "1", "3", "--json", "--archive", archive])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["verdict"] as? String == "not duplicates")
        #expect(try IngestdProcess.run(["clusters", "explain", "1", "99", "--archive", archive]).status == 66)
    }

    @Test func anOversizedLineIsSkippedByNameAndGarbageDoesNotFloodTheLog() throws {
        let config = folder.appendingPathComponent("small.yaml").path
        try Data("normalizer:\n  max_input_bytes: 4096\n".utf8).write(to: URL(fileURLWithPath: config))
        let big = String(decoding: try JSONSerialization.data(withJSONObject: ["id": "big", "text": String(repeating: "word ", count: 2_000)]),
                         as: UTF8.self)
        let garbage = (0..<50).map { "not json \($0)" }
        let path = folder.appendingPathComponent("mixed.jsonl")
        try Data(([big, "{\"id\": \"ok\", \"text\": \"\(Self.wire)\"}"] + garbage).joined(separator: "\n").utf8).write(to: path)
        let result = try IngestdProcess.run(["import", "--jsonl", path.path, "--config", config, "--archive", archive])
        #expect(result.status == 1, "partial: some lines failed")
        #expect(result.stderr.contains("mixed.jsonl:1: the line is \(big.utf8.count) bytes, over normalizer.max_input_bytes (4096); skipped"),
                "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count(where: { $0.contains(": not a corpus line") }) == 19, "20 named in all")
        #expect(result.stderr.contains("more lines fail; they are counted in the summary, not shown"))
        #expect(result.stdout.contains("52 JSONL records (51 failed), 1 documents added"), "\(result.stdout)")
    }

    /// A corpus that gives one id to two texts is archived whole, and the import says which
    /// lines, since `clusters export` will show that id twice; the same line twice is no news.
    @Test func anIdGivenTwiceWithAnotherTextIsNamed() throws {
        let path = folder.appendingPathComponent("ids.jsonl")
        let lines = [["id": "a", "text": Self.wire], ["id": "b", "text": Self.rewrite], ["id": "b", "text": Self.rewrite],
                     ["id": "a", "text": "A different story under the same id, about a football match in the rain."]]
        try Data(try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").utf8).write(to: path)
        let result = try IngestdProcess.run(["import", "--jsonl", path.path, "--archive", archive])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ids.jsonl:4: id \"a\" was already given on line 1 with another text"), "\(result.stderr)")
        #expect(!result.stderr.contains("ids.jsonl:3"), "a repeated line only adds provenance")
        #expect(result.stdout.contains("3 documents added"), "\(result.stdout)")
    }

    @Test func renormalizeReadsALineAsImportDidNotAsAPage() throws {
        _ = try importCorpus()
        let before = try IngestdProcess.run(["export", "--archive", archive]).stdout
        let renormalized = try IngestdProcess.run(["renormalize", "--archive", archive])
        #expect(renormalized.status == 0, "\(renormalized.stderr)")
        #expect(renormalized.stdout.contains("0 changed"), "\(renormalized.stdout)")
        #expect(try IngestdProcess.run(["export", "--archive", archive]).stdout == before, "texts are still the lines' texts, not the JSON")
    }

    @Test func rebuildAppliesChangedSettingsToEverythingArchived() throws {
        _ = try importCorpus()
        func relations() throws -> [String] {
            try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout.split(separator: "\n").map {
                (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["relation"] as! String
            }
        }
        #expect(try relations() == ["canonical", "exact", "shared-wire-passages", "canonical"])
        let strict = folder.appendingPathComponent("strict.yaml").path
        try Data("dedup:\n  passage_min_count: 3\n".utf8).write(to: URL(fileURLWithPath: strict))
        let rebuilt = try IngestdProcess.run(["clusters", "rebuild", "--config", strict, "--archive", archive])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.contains("3 clusters, 0 with 2 or more documents"), "\(rebuilt.stdout)")
        #expect(try relations() == ["canonical", "exact", "canonical", "canonical"])
        #expect(try IngestdProcess.run(["clusters", "rebuild", "--archive", archive]).status == 0)
        #expect(try relations() == ["canonical", "exact", "shared-wire-passages", "canonical"])
    }

    /// Keys of 4-word shingles never match keys of 5-word ones: adding documents under a
    /// changed shingle size is refused, naming the remedy, until a rebuild recomputes the keys.
    @Test func anImportUnderOtherIndexSettingsWaitsForARebuild() throws {
        _ = try importCorpus()
        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
        let shorter = folder.appendingPathComponent("shorter.yaml").path
        try Data("dedup:\n  shingle_words: 4\n  passage_min_words: 9\n".utf8).write(to: URL(fileURLWithPath: shorter))
        let more = folder.appendingPathComponent("more.jsonl")
        try Data("{\"id\": \"m5\", \"text\": \"A later note on the ferry timetable for the winter months.\"}\n".utf8).write(to: more)

        let refused = try IngestdProcess.run(["import", "--jsonl", more.path, "--config", shorter, "--archive", archive])
        #expect(refused.status == 78, "\(refused.stderr)")
        #expect(refused.stderr.contains("shingle_words=5") && refused.stderr.contains("shingle_words=4")
                    && refused.stderr.contains("clusters rebuild"), "\(refused.stderr)")
        #expect(try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout == exported)

        #expect(try IngestdProcess.run(["clusters", "rebuild", "--config", shorter, "--archive", archive]).status == 0)
        let accepted = try IngestdProcess.run(["import", "--jsonl", more.path, "--config", shorter, "--archive", archive])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let defaults = try IngestdProcess.run(["import", "--jsonl", more.path, "--archive", archive])
        #expect(defaults.status == 78, "the defaults are now the other scheme")
    }
}

/// `import --jsonl` killed with SIGKILL in the middle of a batch: the rerun completes it,
/// nothing is lost or stored twice, and the result equals an uninterrupted import.
struct InterruptedImportTests {
    @Test func aKilledImportResumesToTheSameArchive() throws {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "1200", "--seed", "3", "--out", corpus.path]).status == 0)
        let lines = corpus.appendingPathComponent("corpus.jsonl").path
        let victim = folder.appendingPathComponent("killed.sqlite").path
        // Batches of 100 lines, so that the kill falls between commits whatever the machine's speed.
        let running = try IngestdProcess.start(["import", "--jsonl", lines, "--batch-lines", "100", "--archive", victim])
        try waitFor { (try? RunCommandTests.documentCount(victim)) ?? 0 >= 500 }
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        let atKill = try RunCommandTests.documentCount(victim)
        #expect(atKill >= 500 && atKill < 1_190, "killed after \(atKill) documents")
        try RunCommandTests.expectSound(victim)

        #expect(try IngestdProcess.run(["import", "--jsonl", lines, "--archive", victim]).status == 0)
        let clean = folder.appendingPathComponent("clean.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", lines, "--archive", clean]).status == 0)
        try RunCommandTests.expectSound(victim)
        #expect(try RunCommandTests.documentCount(victim) == RunCommandTests.documentCount(clean))
        func clusters(_ archive: String) throws -> String {
            try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
        }
        #expect(try clusters(victim) == clusters(clean))
        #expect(try IngestdProcess.run(["verify", "--archive", victim]).status == 0)
    }
}
