import Foundation
import Testing
import TestSupport

/// `ingestd clusters explain` on the demo archive: passages side by side on a wide terminal,
/// and for a republished story what the republisher changed.
struct ExplainViewTests {
    /// Document ids by page name, e.g. "cranes-restart".
    private func ids(_ site: DemoSite) throws -> [String: String] {
        let out = try IngestdProcess.run(["docs", "list", "--json", "--archive", site.archive])
        let docs = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: docs.map {
            (URL(string: $0["url"] as! String)!.deletingPathExtension().lastPathComponent, String($0["id"] as! Int))
        })
    }

    @Test func passagesStandSideBySideWhenTheTerminalIsWide() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let id = try ids(site)
        let pair = ["clusters", "explain", id["valmora-strike-ends"]!, id["cranes-restart"]!, "--archive", site.archive]
        let wide = try IngestdProcess.run(pair, environment: ["COLUMNS": "140"])
        #expect(wide.status == 0, "\(wide.stderr)")
        let rows = wide.stdout.split(separator: "\n").filter { $0.contains(" │ ") }
        #expect(rows.count >= 6, "\(wide.stdout)")
        #expect(rows.allSatisfy { $0.count <= 140 })
        // Each column wraps its own excerpt: the passage opens in the left and in the right column.
        #expect(rows.contains { $0.split(separator: "│")[0].contains("[night-shift") && $0.split(separator: "│")[1].contains("[night-shift") })
        #expect(wide.stdout.contains("verdict: shared-wire-passages, because "))

        let narrow = try IngestdProcess.run(pair, environment: ["COLUMNS": "80"])
        #expect(!narrow.stdout.contains(" │ ") && narrow.stdout.contains("  A: …") && narrow.stdout.contains("  B: …"))
    }

    @Test func aSyndicatedPairShowsWhatTheRepublisherChanged() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let id = try ids(site)
        let out = try IngestdProcess.run(["clusters", "explain", id["estrel-bridge-approved"]!, id["estrel-kopru"]!, "--archive", site.archive])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("verdict: syndicated, because Jaccard"))
        #expect(out.stdout.contains("headline: [-Regional council approves Estrel river bridge after decade of delays-] {+Estrel bridge gets the green light+}"))
        // The cut paragraph and the credit line the republisher added, each once; the shared text is not repeated.
        #expect(out.stdout.contains("[- An environmental review found that the chosen route would affect a nesting site"))
        #expect(out.stdout.contains("{+ Source: Meridian Wire+}"))
        #expect(!out.stdout.contains("passage 1:"))
        let coloured = try IngestdProcess.run(["clusters", "explain", id["estrel-bridge-approved"]!, id["estrel-kopru"]!,
                                               "--color", "always", "--archive", site.archive])
        #expect(coloured.stdout.contains("\u{1B}[31;9m") && coloured.stdout.contains("\u{1B}[32m") && !coloured.stdout.contains("{+"))
        let json = try IngestdProcess.run(["clusters", "explain", id["estrel-bridge-approved"]!, id["estrel-kopru"]!, "--json",
                                           "--archive", site.archive])
        let changes = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["changes"] as? [String: Any])
        #expect(changes["cut"] as? Int == 29 && changes["added"] as? Int == 3 && changes["kept"] as? Int == 188, "\(changes)")
        #expect((changes["headline"] as? [String: String])?["copy"] == "Estrel bridge gets the green light")
        let edits = changes["edits"] as? [[String: Any]] ?? []
        #expect(edits.map { $0["kind"] as? String } == ["cut", "added"])
        #expect(edits.last?["text"] as? String == "Source: Meridian Wire")
    }
}
