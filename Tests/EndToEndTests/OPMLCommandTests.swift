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

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aFullDiskIsAnErrorAndTheDeviceStays() throws {
        let archive = try TestPaths.temporaryFolder().appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["feeds", "add", "--no-check", "https://news.example/rss", "--archive", archive]).status == 0)
        let result = try IngestdProcess.run(["feeds", "export-opml", "--out", "/dev/full", "--archive", archive])
        #expect(result.status == 74 && result.stderr.contains("cannot write /dev/full"), "\(result.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }
}
