import Foundation
import Testing
import TestSupport

/// `feeds export-opml` and `feeds import-opml` through the real binary: what one archive
/// follows, another follows after the round trip; an output that cannot be written fails.
struct OPMLCommandTests {
    @Test func followedFeedsRoundTripThroughOPML() throws {
        let folder = try TestPaths.temporaryFolder()
        let first = folder.appendingPathComponent("a.sqlite").path, second = folder.appendingPathComponent("b.sqlite").path
        let urls = ["https://news.example/rss?lang=en&x=1", "https://other.example/atom.xml"]
        for url in urls { #expect(try IngestdProcess.run(["feeds", "add", "--no-check", url, "--archive", first]).status == 0) }
        let opml = folder.appendingPathComponent("feeds.opml").path
        let exported = try IngestdProcess.run(["feeds", "export-opml", "--out", opml, "--archive", first])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(try IngestdProcess.run(["feeds", "import-opml", opml, "--archive", second]).status == 0)
        let listed = try IngestdProcess.run(["feeds", "list", "--json", "--archive", second]).stdout
        let feeds = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? []
        #expect(Set(feeds.compactMap { $0["url"] as? String }) == Set(urls))
    }

    /// OPML comes from other programs: only web addresses are followed, so a list cannot make
    /// `run` read a local file or another scheme as a feed.
    @Test func outlinesThatAreNotWebAddressesAreNamedAndSkipped() throws {
        let folder = try TestPaths.temporaryFolder()
        let archive = folder.appendingPathComponent("a.sqlite").path
        let bad = ["gopher://old.example/1", "javascript:alert(1)", "file:///etc/shadow", "http://", "news.example/rss"]
        let outlines = (bad + ["https://good.example/rss"]).map { "<outline type=\"rss\" text=\"x\" xmlUrl=\"\($0)\"/>" }.joined()
        let opml = folder.appendingPathComponent("list.opml")
        try Data("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\(outlines)</body></opml>".utf8).write(to: opml)
        let run = try IngestdProcess.run(["feeds", "import-opml", opml.path, "--archive", archive])
        #expect(run.status == 1, "\(run.stderr)")
        for url in bad { #expect(run.stderr.contains("\(url): not a feed address (an http or https URL); skipped"), "\(run.stderr)") }
        let listed = try IngestdProcess.run(["feeds", "list", "--json", "--archive", archive]).stdout
        let feeds = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? []
        #expect(feeds.compactMap { $0["url"] as? String } == ["https://good.example/rss"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDiskIsAnErrorAndTheDeviceStays() throws {
        let archive = try TestPaths.temporaryFolder().appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["feeds", "add", "--no-check", "https://news.example/rss", "--archive", archive]).status == 0)
        let result = try IngestdProcess.run(["feeds", "export-opml", "--out", "/dev/full", "--archive", archive])
        #expect(result.status == 74 && result.stderr.contains("cannot write /dev/full"), "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }
}
