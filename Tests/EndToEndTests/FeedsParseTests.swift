import Foundation
import Testing
import TestSupport

/// `ingestd feeds parse --jsonl`, the feed conformance command, on the demo feeds and a broken file.
struct FeedsParseTests {
    @Test func oneLinePerFileInTheConformanceShape() throws {
        let feed = TestPaths.demo.appendingPathComponent("feeds/harbour-gazette.rss").path
        let folder = try TestPaths.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.xml")
        try Data("this is not a feed".utf8).write(to: broken)
        let run = try IngestdProcess.run(["feeds", "parse", "--jsonl", feed, broken.path])
        #expect(run.status == 1, "a file that failed makes the status 1")
        let lines = run.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 2)
        #expect(lines[0]["file"] as? String == feed)
        #expect(lines[0]["format"] as? String == "rss")
        #expect((lines[0]["feed"] as? [String: Any])?["title"] as? String == "The Harbour Gazette")
        let first = try #require((lines[0]["entries"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "harbour-calder-reservoir-low")
        #expect(first["title"] as? String == "Heatwave pushes Calder reservoir to lowest level since 1998")
        #expect(first.keys.contains("updated"))  // written as null, not left out
        #expect(lines[1]["format"] as? String == "unknown")
        #expect(run.stderr.contains("broken.xml"))
    }

    /// A URL or a missing file is named with what to do instead, not a Foundation error dump, and
    /// the status is 1 as the help says.
    @Test func aURLOrAMissingFileIsNamedPlainly() throws {
        let run = try IngestdProcess.run(["feeds", "parse", "https://news.example/rss", "/no/such/feed.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("https://news.example/rss: feeds parse reads saved files; to follow a feed at a URL: ingestd feeds add"),
                "\(run.stderr)")
        #expect(run.stderr.contains("/no/such/feed.xml: cannot read:") && !run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }
}
