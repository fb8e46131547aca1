import Foundation
import TestSupport

/// The demo's four sites served over real HTTP on loopback, with a config pointing at them.
struct DemoSite {
    let server: LoopbackServer
    let folder: URL
    let config: String
    let archive: String

    /// `keepFeedCaptures` sets `fetch.keep_feed_captures`.
    init(delaySeconds: Double = 0, keepFeedCaptures: Bool = false) throws {
        let server = try LoopbackServer(root: TestPaths.demo, delaySeconds: delaySeconds)
        self.server = server
        folder = try TestPaths.temporaryFolder()
        let feeds = ["feeds/meridian-wire.atom", "feeds/harbour-gazette.rss", "feeds/northline-daily.rss", "feeds/kiyi-haber.rss"]
        // The pages are on loopback, which URLs found in feeds may reach only when allowed.
        let yaml = "feeds:\n" + feeds.map { "  - url: \(server.url($0))\n" }.joined() + "fetch:\n  allow_networks: [127.0.0.0/8]\n"
            + (keepFeedCaptures ? "  keep_feed_captures: true\n" : "")
        config = folder.appendingPathComponent("ingestd.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        archive = folder.appendingPathComponent("archive.sqlite").path
    }

    /// `ingestd run`; with `all`, every feed is fetched whether due or not.
    func run(all: Bool = false) throws -> IngestdProcess.Result {
        try IngestdProcess.run(["run", "--config", config, "--archive", archive] + (all ? ["--all"] : []))
    }

    /// Clusters as sets of page file names, e.g. ["valmora-strike-ends", "cranes-restart"].
    func clusters() throws -> [Set<String>] {
        let out = try IngestdProcess.run(["clusters", "list", "--members", "--json", "--archive", archive])
        let list = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return list.map { cluster in
            let members = cluster["members"] as? [[String: Any]] ?? []
            return Set(members.flatMap { ($0["urls"] as? [String]) ?? [] }.map {
                URL(string: $0)!.deletingPathExtension().lastPathComponent
            })
        }
    }

    static let expectedClusters: Set<Set<String>> = [
        ["valmora-strike-ends", "dockers-accept-pay-rise", "cranes-restart"],
        ["estrel-bridge-approved", "estrel-kopru"],
    ]
}
