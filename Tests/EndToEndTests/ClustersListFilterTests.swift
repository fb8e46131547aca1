import Foundation
import Testing
import TestSupport

/// `ingestd clusters list --since --limit --source` on the demo archive: a long archive is read a page at a time.
struct ClustersListFilterTests {
    @Test func sinceAndLimitNarrowTheList() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        func count(_ flags: [String]) throws -> Int {
            let out = try IngestdProcess.run(["clusters", "list", "--json", "--archive", site.archive] + flags)
            #expect(out.status == 0, "\(out.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [Any])?.count ?? -1
        }
        let all = try count([])
        #expect(all >= 2)
        #expect(try count(["--limit", "1"]) == 1)
        #expect(try count(["--since", "2000-01-01"]) == all)
        #expect(try count(["--since", "2999-01-01"]) == 0)
        #expect(try IngestdProcess.run(["clusters", "list", "--since", "someday", "--archive", site.archive]).status == 64)
        // Both clusters hold a Meridian Wire story; only the bridge was republished by Kıyı Haber.
        #expect(try count(["--source", site.server.url("feeds/meridian-wire.atom")]) == 2)
        #expect(try count(["--source", site.server.url("feeds/kiyi-haber.rss")]) == 1)
        #expect(try count(["--source", site.server.url("feeds/kiyi-haber.rss"), "--limit", "5"]) == 1)
        #expect(try count(["--source", "https://nowhere.example/feed"]) == 0)
    }
}
