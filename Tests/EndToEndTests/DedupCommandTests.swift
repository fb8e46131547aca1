import Foundation
import Testing
import TestSupport

/// `ingestd dedup` as a user runs it: files, gzip, standard input, other field names, both
/// output formats, and bad input.
struct DedupCommandTests {
    /// Three stories; the second is the first with a new opening line, the fourth the first again.
    static let story = (0..<6).map { i in
        "Paragraph \(i) of the harbour report: the tug crews worked through the night while the storm surge lifted "
            + "the old pier and the council counted \(100 + i) damaged boats along the eastern breakwater."
    }.joined(separator: "\n\n")
    static let lines = [
        #"{"id": "a", "text": \#(json(story)), "extra": [1, 2]}"#,
        #"{"id": "b", "text": \#(json("Updated at noon.\n\n" + story))}"#,
        #"{"id": 7, "text": "A short unrelated note about the weather in the hills this weekend."}"#,
        #"{"text": \#(json(story)), "id": "d"}"#,
    ]

    static func json(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: s, options: .fragmentsAllowed), as: UTF8.self)
    }

    func corpus(_ lines: [String] = Self.lines) throws -> String {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("corpus.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func clustersNameTheRelationAndTheCanonical() throws {
        let result = try IngestdProcess.run(["dedup", try corpus()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n") == [
            #"{"id":"a","cluster":1,"relation":"canonical","canonical":"a"}"#,
            #"{"id":"b","cluster":1,"relation":"syndicated","canonical":"a"}"#,
            #"{"id":7,"cluster":3,"relation":"canonical","canonical":7}"#,
            #"{"id":"d","cluster":1,"relation":"exact","canonical":"a"}"#,
        ])
        #expect(result.stderr.hasPrefix("dedup: 4 lines (0 failed), 3 documents in 2 clusters, 2 duplicates;"))
    }

    @Test func canonicalWritesTheInputLinesUnchangedMinusDuplicates() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("kept.jsonl").path
        let result = try IngestdProcess.run(["dedup", try corpus(), "--format", "canonical", "--out", out, "--quiet"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.lines[0] + "\n" + Self.lines[2] + "\n")
    }

    @Test func gzipAndStandardInputGiveTheSameAnswer() throws {
        let path = try corpus()
        let plain = try IngestdProcess.run(["dedup", path]).stdout
        #expect(try IngestdProcess.runTool("/bin/gzip", ["-k", path]).status == 0)
        #expect(try IngestdProcess.run(["dedup", path + ".gz"]).stdout == plain)
        let piped = try IngestdProcess.runTool("/bin/sh", ["-c", "gzip -c \"$1\" | \"$2\" dedup -", "sh", path, TestPaths.ingestd.path])
        #expect(piped.status == 0 && piped.stdout == plain, "\(piped.stderr)")
        let raw = try IngestdProcess.runTool("/bin/sh", ["-c", "\"$2\" dedup - < \"$1\"", "sh", path, TestPaths.ingestd.path])
        #expect(raw.stdout == plain)
    }

    @Test func otherFieldNamesAreRead() throws {
        let lines = Self.lines.map { $0.replacingOccurrences(of: #""id""#, with: #""key""#).replacingOccurrences(of: #""text""#, with: #""body""#) }
        let result = try IngestdProcess.run(["dedup", try corpus(lines), "--id-field", "key", "--text-field", "body"])
        #expect(result.stdout == (try IngestdProcess.run(["dedup", try corpus()])).stdout)
    }

    /// A republish that arrives before the wire original: the original, published earlier,
    /// becomes the canonical in `dedup` and in the archive, and the cluster keeps its id.
    @Test func theEarliestPublishedMemberIsTheCanonical() throws {
        let path = try corpus([
            #"{"id": "republish", "published": "2025-03-02T10:00:00Z", "text": \#(Self.json("Updated at noon.\n\n" + Self.story))}"#,
            #"{"id": "original", "published": "2025-03-01T08:00:00Z", "text": \#(Self.json(Self.story))}"#,
        ])
        let result = try IngestdProcess.run(["dedup", path])
        #expect(result.stdout.split(separator: "\n") == [
            #"{"id":"republish","cluster":1,"relation":"syndicated","canonical":"original"}"#,
            #"{"id":"original","cluster":1,"relation":"canonical","canonical":"original"}"#,
        ])
        let kept = try IngestdProcess.run(["dedup", path, "--format", "canonical"])
        #expect(kept.stdout.contains(#""id": "original""#) && !kept.stdout.contains("republish"))
        let archive = try TestPaths.temporaryFolder().appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", path, "--archive", archive]).status == 0)
        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive])
        #expect(exported.stdout.split(separator: "\n") == [
            #"{"id":"republish","cluster":1,"relation":"syndicated"}"#, #"{"id":"original","cluster":1,"relation":"canonical"}"#,
        ])
        let shown = try IngestdProcess.run(["clusters", "list", "--json", "--archive", archive])
        #expect(shown.stdout.contains(#""canonical_document_id" : 2"#), "\(shown.stdout)")
    }

    /// `--archive` stores every line as `import --jsonl` does, fields and gzip included,
    /// with the same clusters as `dedup` prints.
    @Test func theArchiveGetsTheSameClusters() throws {
        let lines = Self.lines.map { $0.replacingOccurrences(of: #""text""#, with: #""body""#) }
        let path = try corpus(lines)
        #expect(try IngestdProcess.runTool("/bin/gzip", [path]).status == 0)
        let archive = try TestPaths.temporaryFolder().appendingPathComponent("a.sqlite").path
        let piped = try IngestdProcess.runTool("/bin/sh", ["-c", "\"$2\" dedup - --text-field body --archive \"$3\" < \"$1\"",
                                                           "sh", path + ".gz", TestPaths.ingestd.path, archive])
        #expect(piped.status == 0 && piped.stderr.contains("archive: 4 JSONL records"), "\(piped.stderr)")
        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout
        // The same lines but for the canonical's id, which `clusters export` does not print.
        let printed = piped.stdout.split(separator: "\n").map {
            $0.replacingOccurrences(of: #","canonical":[^}]*"#, with: "", options: .regularExpression)
        }
        #expect(exported.split(separator: "\n").map(String.init) == printed, "\(exported)")
        let sources = try IngestdProcess.run(["docs", "show", "1", "--json", "--archive", archive]).stdout
        #expect(sources.contains("file:///dev/stdin"), "\(sources)")
    }

    /// Issue 25's first acceptance command: gzip on standard input, the text in `body`, the id
    /// nested in `meta`; the canonical format gives the input's own lines minus the duplicates.
    @Test func nestedIdsThroughAPipeGiveBackTheUsersOwnLines() throws {
        let lines = [
            #"{"meta": {"id": "a", "feed": "x"}, "body": \#(Self.json(Self.story)), "lang": "en"}"#,
            #"{"meta": {"id": "b"}, "body": \#(Self.json("Updated at noon.\n\n" + Self.story))}"#,
            #"{"body": "A short unrelated note about the weather in the hills this weekend.", "meta": {"id": 7}}"#,
        ]
        let path = try corpus(lines)
        #expect(try IngestdProcess.runTool("/bin/gzip", [path]).status == 0)
        let result = try IngestdProcess.runTool("/bin/sh", [
            "-c", "zcat \"$1\" | \"$2\" dedup - --text-field body --id-field meta.id --format canonical",
            "sh", path + ".gz", TestPaths.ingestd.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == lines[0] + "\n" + lines[2] + "\n")
    }

    /// The title, URL and date can live under other names: the date still decides the original.
    @Test func titleURLAndDateFieldsAreRead() throws {
        let path = try corpus([
            #"{"id": "republish", "meta": {"when": "2025-03-02T10:00:00Z"}, "text": \#(Self.json("Updated at noon.\n\n" + Self.story))}"#,
            #"{"id": "original", "meta": {"when": "2025-03-01T08:00:00Z"}, "headline": "Harbour", "link": "https://news.example/h", "text": \#(Self.json(Self.story))}"#,
        ])
        let deduped = try IngestdProcess.run(["dedup", path, "--date-field", "meta.when"])
        #expect(deduped.stdout.contains(#"{"id":"republish","cluster":1,"relation":"syndicated","canonical":"original"}"#), "\(deduped.stdout)")
        let archive = try TestPaths.temporaryFolder().appendingPathComponent("a.sqlite").path
        let imported = try IngestdProcess.run(["import", "--jsonl", path, "--date-field", "meta.when", "--title-field", "headline",
                                               "--url-field", "link", "--archive", archive])
        #expect(imported.status == 0, "\(imported.stderr)")
        let shown = try IngestdProcess.run(["docs", "show", "2", "--json", "--archive", archive]).stdout
        #expect(shown.contains(#""title" : "Harbour""#) && shown.contains(#""url" : "https://news.example/h""#), "\(shown)")
        #expect(shown.contains(#""published" : "2025-03-01T08:00:00Z""#), "\(shown)")
        let refused = try IngestdProcess.run(["import", "/tmp", "--title-field", "x", "--archive", archive])
        #expect(refused.status == 64)
    }

    @Test func badLinesAreNamedAndLeftOut() throws {
        let path = try corpus([Self.lines[0], "not json", #"{"id": "x"}"#, Self.lines[1]])
        let result = try IngestdProcess.run(["dedup", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("corpus.jsonl:2: not a corpus line") && result.stderr.contains(#"corpus.jsonl:3: not a corpus line: missing "text""#))
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func aCorruptGzipFileIsNamed() throws {
        let path = try corpus()
        #expect(try IngestdProcess.runTool("/bin/gzip", ["-k", path]).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        bytes = bytes.prefix(bytes.count / 2) + Data(repeating: 0x41, count: 64)
        try bytes.write(to: URL(fileURLWithPath: path + ".gz"))
        let result = try IngestdProcess.run(["dedup", path + ".gz"])
        #expect(result.status == 65 && result.stderr.contains("corpus.jsonl.gz: not valid gzip"), "\(result.stderr)")
        #expect(try IngestdProcess.run(["dedup", "/nonexistent.jsonl"]).status == 66)
    }
}
