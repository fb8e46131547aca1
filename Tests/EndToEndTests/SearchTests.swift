import Foundation
import Testing
import TestSupport

/// `ingestd search` over the demo archive: FTS5 kept in step with the archive.
struct SearchTests {
    @Test func wordsPhrasesAndTitlesFindTheRightDocuments() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        func ids(_ query: String) throws -> Set<Int> {
            let out = try IngestdProcess.run(["search", query, "--json", "--archive", site.archive])
            #expect(out.status == 0, "\(out.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
            return Set(hits.compactMap { $0["id"] as? Int })
        }
        let strike = try ids("dockers union")
        #expect(strike.count >= 2, "\(strike)")
        #expect(try ids("\"Coastal Dockers' Union\"").isSubset(of: strike))
        #expect(try !ids("title:bridge").isEmpty)
        #expect(try ids("zzyzx").isEmpty)
        let bad = try IngestdProcess.run(["search", "\"unbalanced", "--archive", site.archive])
        #expect(bad.status == 65 && bad.stderr.contains("search query:"), "\(bad.stderr)")
    }

    @Test func renormalizeKeepsTheIndexInStep() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let before = try IngestdProcess.run(["search", "dockers", "--json", "--archive", site.archive]).stdout
        #expect(try IngestdProcess.run(["renormalize", "--archive", site.archive]).status == 0)
        #expect(try IngestdProcess.run(["search", "dockers", "--json", "--archive", site.archive]).stdout == before)
    }
}
