import Foundation
import GRDB
import TestSupport

/// A small invented news site served by the loopback server, and an archive beside it, for
/// the fetcher's integration tests: feeds whose entries link to article pages, a config
/// with short timeouts, and readers for what `ingestd run` stored.
struct FetchSite {
    let folder: URL
    let server: LoopbackServer
    let archive: String

    /// `pageDelay`: seconds the server waits before answering a request under `pages/`.
    init(host: String = "127.0.0.1", pageDelay: Double = 0) throws {
        folder = try TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("news"), withIntermediateDirectories: true)
        server = try LoopbackServer(root: folder, delaySeconds: pageDelay, host: host)
        archive = folder.appendingPathComponent("archive.sqlite").path
    }

    /// Writes `feeds/NAME.rss` with one item per (guid, page) pair and writes each page.
    func feed(_ name: String, items: [(guid: String, page: String)]) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>\(name)</title>"
        xml += "<link>\(server.url(""))</link>"
        for item in items {
            xml += "<item><title>Story \(item.page)</title><guid isPermaLink=\"false\">\(item.guid)</guid>"
            xml += "<link>\(server.url(item.page))</link></item>"
            try article(item.page)
        }
        try write("feeds/\(name).rss", xml + "</channel></rss>")
    }

    /// An article page whose text is its own (numbers and names from its path).
    func article(_ path: String) throws {
        let seed = path.unicodeScalars.reduce(7) { ($0 &* 31 &+ Int($1.value)) % 100_003 }
        let paragraphs = (1...4).map { n in
            "<p>Report \(seed)-\(n) from the harbour office: inspector Calder\(seed) counted \(seed * n) crates on pier \(n), "
                + "and the night shift logged \(seed % 97 + n) arrivals before the tide turned at \(n + 3) o'clock.</p>"
        }
        try write(path, "<html><head><title>Story \(path)</title></head><body><article><h1>Story \(seed)</h1>"
                  + paragraphs.joined() + "</article></body></html>")
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `ingestd run --all` over these feed paths (as the server serves them), with short
    /// limits and loopback allowed for pages (`allow_networks`); `fetch` overrides settings
    /// of the config's fetch section. `flags`: `--strict` by default, so any failure exits 1.
    func run(_ feedPaths: [String], fetch overrides: [String: String] = [:], flags: [String] = ["--strict"],
             environment: [String: String] = [:]) throws -> IngestdProcess.Result {
        let fetch = [
            "allow_networks": "[127.0.0.0/8]", "retries": "1", "retry_base_delay_seconds": "0.1", "low_speed_bytes": "1000", "low_speed_seconds": "1",
            "total_timeout_seconds": "10", "max_body_bytes": "1000000", "per_host_delay_seconds": "0",
        ].merging(overrides) { $1 }
        let yaml = "feeds:\n" + feedPaths.map { "  - url: \(server.url($0))\n" }.joined()
            + "fetch:\n" + fetch.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
        let config = folder.appendingPathComponent("ingestd.yaml")
        try Data(yaml.utf8).write(to: config)
        return try IngestdProcess.run(["run", "--all", "--config", config.path, "--archive", archive] + flags, environment: environment)
    }

    /// The stored state of every feed source, by URL.
    func sources() throws -> [String: Row] {
        try DatabaseQueue(path: archive).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM sources").map { ($0["url"] as String, $0) })
        }
    }

    func documentCount() throws -> Int {
        try DatabaseQueue(path: archive).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
    }

    /// Requests the server saw for `path` (as "GET /path STATUS").
    func requests(_ path: String) -> [String] {
        server.requests.filter { $0.hasPrefix("GET /\(path) ") }
    }
}
