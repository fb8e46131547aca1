import Foundation
import Testing
import TestSupport

/// `ingestd clusters list --since --limit` on the demo archive: a long archive is read a page at a time.
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
    }
}
