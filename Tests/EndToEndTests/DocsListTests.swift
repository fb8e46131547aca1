import Foundation
import Testing
import TestSupport

/// `ingestd docs list`: archived documents a line each, under export's filters.
struct DocsListTests {
    @Test func documentsAreListedUnderTheirFilters() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        func listed(_ flags: [String]) throws -> [[String: Any]] {
            let out = try IngestdProcess.run(["docs", "list", "--json", "--archive", site.archive] + flags)
            #expect(out.status == 0, "\(out.stderr)")
            return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        }
        let all = try listed([])
        #expect(all.count >= 5 && all.allSatisfy { !(($0["url"] as? String) ?? "").isEmpty })
        #expect(try listed(["--limit", "2"]).count == 2)
        let cluster = try #require(all.first?["cluster"] as? Int)
        #expect(try listed(["--cluster", "\(cluster)"]).allSatisfy { $0["cluster"] as? Int == cluster })
        #expect(try listed(["--since", "2999-01-01"]).isEmpty)
    }
}
