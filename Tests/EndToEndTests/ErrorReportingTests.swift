import Foundation
import Testing
import TestSupport

/// Bad input ends in a clear message naming the input, and a documented exit code.
struct ErrorReportingTests {
    let folder: URL

    init() throws { folder = try TestPaths.temporaryFolder() }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aMissingConfigIsAConfigErrorNamingTheFile() throws {
        let r = try IngestdProcess.run(["run", "--config", folder.appendingPathComponent("nope.yaml").path, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("nope.yaml"))
    }

    @Test func aMisspeltSettingIsAConfigErrorNamingIt() throws {
        let config = try file("c.yaml", "feeds: []\ndedup:\n  passage_min_word: 8\n")
        let r = try IngestdProcess.run(["run", "--config", config, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("passage_min_word") && r.stderr.contains("c.yaml"))
    }

    @Test func settingsThatBreakAGuaranteeAreConfigErrors() throws {
        let config = try file("g.yaml", "dedup:\n  passage_min_words: 4\n")
        let r = try IngestdProcess.run(["run", "--config", config, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("passage_min_words"))
    }

    @Test(arguments: [
        ("max_body_bytes: -5", "fetch.max_body_bytes must be at least 1"),
        ("connect_timeout_seconds: 0", "fetch.connect_timeout_seconds must be at least 1"),
        ("total_timeout_seconds: 0", "fetch.total_timeout_seconds must be at least 1"),
        ("memory_budget_bytes: 0", "fetch.memory_budget_bytes must be at least 1"),
        ("run_deadline_seconds: 0", "fetch.run_deadline_seconds must be above 0"),
        ("max_retry_after_seconds: -1", "fetch.retries, retry_base_delay_seconds and max_retry_after_seconds must not be negative"),
    ])
    func fetchValuesNoFetchCanWorkWithAreConfigErrors(setting: String, message: String) throws {
        let config = try file("v.yaml", "fetch:\n  \(setting)\n")
        let r = try IngestdProcess.run(["run", "--config", config, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("v.yaml") && r.stderr.contains(message), "\(r.stderr)")
    }

    /// Found by fuzzing (scripts/fuzz.sh, target config): a mapping key that is itself a
    /// sequence crashed the YAML library's conversion; deep nesting would exhaust the stack.
    @Test func aComplexKeyOrDeepNestingIsAConfigErrorNotACrash() throws {
        let complex = try file("k.yaml", "fetch:\n  ? [a, b]\n  : 1\n")
        let r = try IngestdProcess.run(["run", "--config", complex, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("k.yaml:2:5: a key is not a plain name"), "\(r.stderr)")
        let deep = try file("d.yaml", "a:\n" + (1...100).map { String(repeating: "  ", count: $0) + "b\($0):\n" }.joined()
                            + String(repeating: "  ", count: 101) + "x: 1\n")
        let d = try IngestdProcess.run(["run", "--config", deep, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(d.status == 78)
        #expect(d.stderr.contains("d.yaml:66:131: it nests deeper than 64 levels"), "\(d.stderr)")
    }

    /// A value from the web (here a 2 MB entry link) never becomes a 2 MB log line, nor a
    /// second line.
    @Test func aHugeLinkIsCutInTheLog() throws {
        // On loopback (refused for a feed's link), so the test sends nothing off the machine.
        let link = "http://h.localhost:9/" + String(repeating: "a", count: 2_000_000) + "\nforged: line"
        let feed = try file("huge.rss", "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><guid>g</guid>"
                            + "<link>\(link)</link></item></channel></rss>")
        let config = try file("h.yaml", "feeds:\n  - url: \(URL(fileURLWithPath: feed).absoluteString)\n")
        let r = try IngestdProcess.run(["run", "--config", config, "--archive", folder.appendingPathComponent("a.sqlite").path])
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.utf8.count < 2_200 }, "\(lines.map(\.utf8.count))")
        #expect(!lines.contains { $0.hasPrefix("forged") })
        #expect(r.stderr.contains("more bytes)"), "\(r.stderr.prefix(300))")
    }

    @Test func aConfigOfNestedAliasesIsRefusedAtOnce() throws {
        // Nine aliases a level, eight levels: 43 million values from 500 bytes.
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        let config = try file("bomb.yaml", (lines + ["feeds: *a8"]).joined(separator: "\n") + "\n")
        let started = Date()
        let r = try IngestdProcess.run(["run", "--config", config, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(r.status == 78)
        #expect(r.stderr.contains("bomb.yaml: it expands to more than 200000 values"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        let shared = try file("shared.yaml", "dedup:\n  shingle_words: &five 5\nfetch:\n  retries: *five\n")
        let corpus = try file("one.jsonl", "{\"id\": 1, \"text\": \"A short note about the ferry timetable.\"}\n")
        let ok = try IngestdProcess.run(["import", "--jsonl", corpus, "--config", shared, "--archive", folder.appendingPathComponent("b.sqlite").path])
        #expect(ok.status == 0, "an alias or two is still fine: \(ok.stderr)")
    }

    @Test func onlyHTTPAndFileFeedsAreFollowed() throws {
        let archive = folder.appendingPathComponent("a.sqlite").path
        let add = try IngestdProcess.run(["feeds", "add", "--no-check", "ftp://x.example/feed", "https://ok.example/rss", "--archive", archive])
        #expect(add.status == 65)
        #expect(add.stderr.contains("ftp://x.example/feed: not a feed address"), "\(add.stderr)")
        let listed = try IngestdProcess.run(["feeds", "list", "--json", "--archive", archive]).stdout
        let urls = (try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        #expect(urls == ["https://ok.example/rss"])
        let config = try file("gopher.yaml", "feeds:\n  - url: gopher://x.example/1\n")
        let run = try IngestdProcess.run(["run", "--config", config, "--archive", archive])
        #expect(run.status == 78 && run.stderr.contains("gopher://x.example/1: not a feed address"), "\(run.stderr)")
    }

    @Test func aMissingImportPathIsNoInputNamingIt() throws {
        let r = try IngestdProcess.run(["import", "--archive", folder.appendingPathComponent("a.sqlite").path, "/no/such/folder"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/no/such/folder"))
    }

    @Test func anUnusableFileIsNamedAndTheRestIsArchived() throws {
        _ = try file("good.txt", "A perfectly ordinary paragraph about the harbour and its ferries.\n")
        try Data(repeating: 0, count: 5_000).write(to: folder.appendingPathComponent("zeros.html"))
        let archive = folder.appendingPathComponent("a.sqlite").path
        let r = try IngestdProcess.run(["import", "--archive", archive, folder.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("zeros.html"))
        #expect(r.stdout.contains("1 documents added"))
    }

    @Test func aDeviceIsNotReadAsAFile() throws {
        let r = try IngestdProcess.run(["import", "--archive", folder.appendingPathComponent("a.sqlite").path, "/dev/zero"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/dev/zero: not a regular file"), "\(r.stderr)")
    }

    @Test func readCommandsOnAMissingArchiveAreNoInput() throws {
        let r = try IngestdProcess.run(["clusters", "list", "--archive", folder.appendingPathComponent("none.sqlite").path])
        #expect(r.status == 66)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
    }

    @Test func unknownIdsAreNoInput() throws {
        let archive = folder.appendingPathComponent("a.sqlite").path
        _ = try IngestdProcess.run(["import", "--archive", archive, try file("one.txt", "One short paragraph of text.\n")])
        let cluster = try IngestdProcess.run(["clusters", "show", "999", "--archive", archive])
        #expect(cluster.status == 66 && cluster.stderr.contains("cluster 999 is not in the archive"), "\(cluster.stderr)")
        let doc = try IngestdProcess.run(["docs", "show", "999", "--archive", archive])
        #expect(doc.status == 66 && doc.stderr.contains("document 999 is not in the archive"), "\(doc.stderr)")
        let explain = try IngestdProcess.run(["clusters", "explain", "1", "999", "--archive", archive])
        #expect(explain.status == 66 && explain.stderr.contains("document 999 is not in the archive"), "\(explain.stderr)")
    }

    /// A PostgreSQL archive that cannot be reached is named (without its password), for
    /// reading and writing commands alike, and nothing is looked for as a file by that name.
    @Test func anUnreachablePostgreSQLArchiveIsNamedWithoutItsPassword() throws {
        for command in [["stats"], ["renormalize"], ["clusters", "list"], ["feeds", "list"]] {
            let result = try IngestdProcess.run(command + ["--archive", "postgres://me:secret@127.0.0.1:9/news"])
            #expect(result.status == 74 && result.stderr.contains("postgres://me:***@127.0.0.1:9/news")
                    && !result.stderr.contains("secret") && !FileManager.default.fileExists(atPath: "postgres:"),
                    "\(command): \(result.status) \(result.stderr)")
        }
    }
}
