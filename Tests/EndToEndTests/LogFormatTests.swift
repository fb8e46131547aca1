import Foundation
import Testing
import TestSupport

/// What `ingestd run` writes to its log: one record a line, with an RFC 3339 time, a level and
/// the feed or URL it concerns, as logfmt (the default on a pipe) or JSON (`--log-format json`).
struct LogFormatTests {
    /// An RFC 3339 UTC time with milliseconds.
    private static func isTime(_ s: String) -> Bool {
        s.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil
    }

    @Test func onAPipeEveryLineIsLogfmtWithTimeLevelAndURL() throws {
        let result = try failingRunWithEnvironment(["INGESTD_LOG_FORMAT": ""], flags: [])
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)
        for line in lines {
            let fields = try #require(Self.logfmt(line), "not logfmt: \(line)")
            #expect(fields["time"].map(Self.isTime) == true, "\(line)")
            #expect(["info", "warning", "error"].contains(fields["level"] ?? ""), "\(line)")
            #expect(fields["msg"] != nil, "\(line)")
        }
        let failure = lines.compactMap(Self.logfmt).first { $0["url"]?.hasSuffix("feeds/missing.rss") == true }
        #expect(failure?["level"] == "warning" && failure?["msg"]?.contains("404") == true, "\(lines)")
    }

    @Test func jsonLinesParseAsJSONWithTheSameFields() throws {
        let result = try failingRunWithEnvironment([:], flags: ["--log-format", "json"])
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        var urls: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
            #expect(object["time"].map(Self.isTime) == true)
            #expect(object["level"] != nil && object["msg"] != nil)
            if let url = object["url"] { urls.append(url) }
        }
        #expect(urls.contains { $0.hasSuffix("feeds/missing.rss") }, "\(result.stderr)")
    }

    /// -v adds a debug line for each feed (status, entries) and each page (what became of it).
    @Test func verboseNamesEachFeedAndPage() throws {
        let quiet = try failingRunWithEnvironment(["INGESTD_LOG_FORMAT": ""], flags: [])
        #expect(!quiet.stderr.contains("level=debug"))
        let result = try failingRunWithEnvironment(["INGESTD_LOG_FORMAT": ""], flags: ["-v"])
        let records = result.stderr.split(separator: "\n").compactMap { Self.logfmt(String($0)) }.filter { $0["level"] == "debug" }
        #expect(records.contains { $0["url"]?.hasSuffix("feeds/a.rss") == true && $0["msg"] == "HTTP 200, 1 entries, 1 new" },
                "\(result.stderr)")
        #expect(records.contains { $0["url"]?.hasSuffix("news/one.html") == true && $0["msg"] == "archived (canonical)" },
                "\(result.stderr)")
    }

    /// On a terminal, `run` draws a progress bar of feeds done, with a rate and the time left,
    /// and clears it before a log line. (A pseudo-terminal from util-linux `script`.)
    @Test func onATerminalRunShowsProgressWithRateAndTimeLeft() throws {
        // A page under pages/ answers after 0.5 s, when feeds have finished and the bar is up:
        // its 404 is a warning that has a bar to clear.
        let site = try FetchSite(pageDelay: 0.5)
        try site.feed("a", items: [("g1", "news/one.html")])
        try site.feed("b", items: [("g2", "news/two.html"), ("g3", "pages/gone.html")])
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("pages/gone.html"))
        let yaml = site.folder.appendingPathComponent("tty.yaml")
        try Data(("feeds:\n" + ["feeds/a.rss", "feeds/b.rss", "feeds/missing.rss"].map { "  - url: \(site.server.url($0))\n" }.joined()
                  + "fetch:\n  allow_networks: [127.0.0.0/8]\n").utf8).write(to: yaml)
        let archive = site.folder.appendingPathComponent("tty.sqlite").path
        let command = [TestPaths.ingestd.path, "run", "--config", yaml.path, "--archive", archive].joined(separator: " ")
        let result = try IngestdProcess.runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.stdout.contains("] 3/3 ") && result.stdout.contains("/s ETA 0:00"), "\(result.stdout)")
        #expect(result.stdout.contains("\r\u{1B}[Kingestd: warning: \(site.server.url("pages/gone.html")): HTTP status 404"),
                "a warning clears the bar first: \(result.stdout)")
        #expect(result.stdout.contains("run: 3 feeds"))
    }

    /// A run over a good feed and a missing one (a 404).
    private func failingRunWithEnvironment(_ environment: [String: String], flags: [String]) throws -> IngestdProcess.Result {
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        return try site.run(["feeds/a.rss", "feeds/missing.rss"], flags: flags, environment: environment)
    }

    /// A logfmt line's fields: `key=value` or `key="quoted \" value"`, space-separated; nil when
    /// the line is not logfmt.
    static func logfmt(_ line: String) -> [String: String]? {
        var fields: [String: String] = [:]
        var rest = Substring(line)
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "="), case let key = rest[..<equals],
                  !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let (_, read) = QuotedText.read(&rest) else { return nil }
                value = read
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = String(rest[..<end])
                guard !value.contains("\"") else { return nil }
                rest = rest[end...]
            }
            fields[String(key)] = value
            guard rest.isEmpty || rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
        }
        return fields
    }
}
