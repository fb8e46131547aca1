import Foundation
import Testing
import TestSupport

/// Hostile feeds through `ingestd feeds parse`, a real subprocess: each ends in a clear error
/// or a capped result within 2 s and 64 MB, and nothing outside the document is ever read.
struct HostileFeedTests {
    /// Runs `feeds parse --stats` on the file; checks time (wall clock, process start
    /// included) and the peak memory the process reports for itself.
    private func parse(_ name: String, _ bytes: Data) throws -> IngestdProcess.Result {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try bytes.write(to: file)
        let started = Date()
        let run = try IngestdProcess.run(["feeds", "parse", "--jsonl", "--stats", file.path])
        let seconds = Date().timeIntervalSince(started)
        let peak = run.stderr.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("peak_rss_mb=") }
            .flatMap { Int($0.dropFirst(12)) } ?? -1
        #expect(seconds < 2, "\(name) took \(seconds) s")
        #expect(peak > 0 && peak < 64, "\(name) peaked at \(peak) MB")
        return run
    }

    @Test func billionLaughsGivesACappedTitle() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"ha\">"
        for i in 1...10 { xml += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        xml += "]><rss version=\"2.0\"><channel><title>&l10;</title><item><title>&l9;</title></item></channel></rss>"
        let run = try parse("laughs.xml", Data(xml.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.utf8.count < 2_000_000, "output of \(run.stdout.utf8.count) bytes")
        #expect(run.stderr.contains("laughs.xml: its entities expand without bound (an entity bomb)"), "not silent: \(run.stderr)")
    }

    @Test func externalEntitiesReachNeitherDiskNorNetwork() throws {
        let folder = try TestPaths.temporaryFolder()
        try Data("SECRET-FROM-LOOPBACK".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        let server = try LoopbackServer(root: folder)
        for target in ["file:///etc/passwd", server.url("secret.txt")] {
            let xml = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(target)">]>
                <rss version="2.0"><channel><title>t &xxe;</title><item><title>a &xxe; b</title><link>https://x.example/1</link></item></channel></rss>
                """
            let run = try parse("xxe.xml", Data(xml.utf8))
            #expect(run.status == 0)
            #expect(!run.stdout.contains("root:") && !run.stdout.contains("SECRET"), "\(run.stdout)")
            #expect(run.stdout.contains("\"link\":\"https://x.example/1\""))
        }
        #expect(server.requests.isEmpty, "the parser fetched \(server.requests)")
    }

    @Test func twoHundredThousandLevelsOfNestingEndInACappedRead() throws {
        let xml = "<rss version=\"2.0\"><channel><title>deep</title><item><title>"
            + String(repeating: "<x>", count: 200_000) + "inner" + String(repeating: "</x>", count: 200_000)
            + "</title></item></channel></rss>"
        let run = try parse("nesting.xml", Data(xml.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"malformed\":true"))
        #expect(run.stdout.contains("\"title\":\"deep\""))
    }

    @Test func aNulFilledFileIsAClearError() throws {
        let run = try parse("zeros.xml", Data(repeating: 0, count: 1_000_000))
        #expect(run.status == 1, "a file that failed makes the exit status 1")
        #expect(run.stderr.contains("zeros.xml: not a feed: the document is all NUL bytes"), "\(run.stderr)")
        #expect(run.stdout.contains("\"entries\":[]"))
    }

    /// A 2.5 MB feed whose item carries 300,000 attributes (libxml2's duplicate check is
    /// quadratic: 53 s) is refused at once, naming the tag's offset.
    @Test func aTagWithHundredsOfThousandsOfAttributesIsRefused() throws {
        let attributes = (0..<300_000).map { "a\($0)=\"\"" }.joined(separator: " ")
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item \(attributes)><title>x</title></item></channel></rss>"
        let run = try parse("attributes.xml", Data(xml.utf8))
        #expect(run.stderr.contains("attributes.xml: not XML: the tag at byte 82 has more than 256 attributes"), "\(run.stderr)")
    }
}
