import Foundation
import TestSupport

/// Feeds on many hosts served over real HTTP on loopback (`hN.localhost`), where item 0 of
/// feed f on every host is story f, word for word but for a line of the host's own (not the same on
/// every page, so no host template learns it away) (a
/// syndicated copy per host), and the other items are each host's own; with a config that
/// fetches them politely.
struct SyndicatedFeedSite {
    let server: LoopbackServer
    let folder: URL
    let hosts: [String]
    let feeds: [String]
    let config: String
    let delay: Double

    init(hosts hostCount: Int, feedsPerHost: Int, itemsPerFeed: Int = 3, delay: Double) throws {
        folder = try TestPaths.temporaryFolder()
        // Twenty passes of four workers take longer than a server's usual lifetime.
        server = try LoopbackServer(root: folder, lifetime: 1_800)
        self.delay = delay
        let port = server.port
        hosts = (0..<hostCount).map { "h\($0).localhost:\(port)" }
        for sub in ["feeds", "news"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var feeds: [String] = []
        for (h, host) in hosts.enumerated() {
            for f in 0..<feedsPerHost {
                let items = (0..<itemsPerFeed).map { i -> (String, Int) in
                    ("news/\(h)-\(f)-\(i).html", i == 0 ? f : 100_000 + h * 1_000 + f * 10 + i)
                }
                var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(h)-\(f)</title>"
                for (path, story) in items {
                    xml += "<item><title>Story \(story)</title><guid>\(path)</guid><link>http://\(host)/\(path)</link></item>"
                    let text = (1...4).map { n in
                        "<p>Report \(story)-\(n) from the harbour office: inspector Calder\(story) counted \(story * n + 7) crates on pier \(n), "
                            + "and the night shift logged \(story % 97 + n) arrivals before the tide turned at \(n + 3) o'clock.</p>"
                    }.joined() + "<p>Gazette \(h) received report \(story) at \(h % 12 + 1) o'clock.</p>"
                    try Data("<html><head><title>Story \(story)</title></head><body><article>\(text)</article></body></html>".utf8)
                        .write(to: folder.appendingPathComponent(path))
                }
                let feed = "feeds/\(h)-\(f).rss"
                try Data((xml + "</channel></rss>").utf8).write(to: folder.appendingPathComponent(feed))
                feeds.append("http://\(host)/\(feed)")
            }
        }
        self.feeds = feeds
        let yaml = "feeds:\n" + feeds.map { "  - url: \($0)\n" }.joined()
            + "fetch:\n  allow_networks: [127.0.0.0/8]\n  per_host_delay_seconds: \(delay)\n  per_host_concurrent: 1\n"
        config = folder.appendingPathComponent("ingestd.yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
    }

    /// The clusters of `archive` as sets of page paths, each set sorted, the list sorted.
    func clusters(_ archive: String) throws -> [[String]] {
        let out = try IngestdProcess.run(["clusters", "list", "--members", "--json", "--archive", archive])
        let list = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return list.map { cluster in
            ((cluster["members"] as? [[String: Any]]) ?? []).flatMap { ($0["urls"] as? [String]) ?? [] }
                .map { URL(string: $0)!.path }.sorted()
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Problems with the requests that arrived after the first `skip`: a feed not fetched
    /// exactly once, or two requests to one host closer than the delay allows.
    func passProblems(after skip: Int) -> [String] {
        let arrivals = Array(server.arrivals.dropFirst(skip))
        var problems: [String] = []
        let fetched = Dictionary(grouping: arrivals.filter { $0.path.hasPrefix("/feeds/") }, by: { "http://\($0.host)\($0.path)" })
        for feed in feeds where fetched[feed]?.count != 1 {
            problems.append("\(feed) fetched \(fetched[feed]?.count ?? 0) times")
        }
        for host in hosts {
            let times = arrivals.filter { $0.host == host }.map(\.time).sorted()
            if let closest = zip(times.dropFirst(), times).map({ $0 - $1 }).min(), closest < delay - 0.03 {
                problems.append("\(host): two requests \(closest) s apart (delay \(delay) s)")
            }
        }
        return problems
    }
}
