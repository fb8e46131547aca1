import Foundation
import GRDB
import Testing
import TestSupport

/// Ten pages of one invented site share template lines inside their articles: `ingestd run`
/// learns them per host and removes them from the later pages, and keeps every article line.
struct HostTemplateTests {
    static let templateLines = [
        "The Tarn Courier is an independent paper of the upper valley, printed since 1921.",
        "Tips and corrections go to the news desk at the harbour office.",
        "Photographs by Courier staff unless credited otherwise.",
    ]

    /// Page `n`'s own paragraphs: different words on every page, so no two are duplicates.
    static func story(_ n: Int) -> [String] {
        let places = ["Orsa", "Tarn", "Velde", "Ismor", "Kallen", "Brisk", "Odwen", "Maru", "Sella", "Fenwick"]
        let things = ["ferry", "bridge", "school", "market", "library", "harbour wall", "clinic", "rail halt", "museum", "dam"]
        let p = places[n], t = things[n]
        return [
            "The \(t) in \(p) reopened on day \(n + 3) of the month after \(n + 2) weeks of repairs paid by the county.",
            "Residents of \(p) queued from early morning, and the council said \(n * 40 + 150) people visited the \(t) before noon.",
            "A spokesman for \(p) added that the \(t) would keep its old opening hours until the end of the season.",
        ]
    }

    private func page(_ n: Int) -> String {
        let body = (Self.story(n) + Self.templateLines).map { "<p>\($0)</p>" }.joined()
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Story \(n) | Tarn Courier</title></head><body>"
            + "<header><a href=\"/\">Tarn Courier</a></header><article><h1>Story \(n)</h1>\(body)</article></body></html>"
    }

    /// The site on loopback, and a config with its feed.
    private func site() throws -> (root: URL, server: LoopbackServer, config: String) {
        let root = try TestPaths.temporaryFolder()
        let server = try LoopbackServer(root: root)
        for n in 0..<10 {
            try Data(page(n).utf8).write(to: root.appendingPathComponent("story-\(n).html"))
        }
        let items = (0..<10).map { n in
            "<item><title>Story \(n)</title><link>\(server.url("story-\(n).html"))</link><guid>story-\(n)</guid>"
                + "<pubDate>Mon, 0\(n % 9 + 1) Mar 2026 08:00:00 GMT</pubDate></item>"
        }.joined()
        try Data("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tarn Courier</title>\(items)</channel></rss>".utf8)
            .write(to: root.appendingPathComponent("feed.rss"))
        let config = root.appendingPathComponent("ingestd.yaml").path
        let yaml = "feeds:\n  - url: \(server.url("feed.rss"))\nfetch:\n  allow_networks: [127.0.0.0/8]\n"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        return (root, server, config)
    }

    @Test func theSitesTemplateIsLearnedAndRemovedAndArticleLinesStay() throws {
        let (root, server, config) = try site()
        let archive = root.appendingPathComponent("archive.sqlite").path

        let run = try IngestdProcess.run(["run", "--config", config, "--archive", archive])
        #expect(run.status == 0, "\(run.stderr)")
        let export = try IngestdProcess.run(["export", "--archive", archive])
        let documents = export.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(documents.count == 10)
        let texts = documents.sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }.compactMap { $0["text"] as? String }
        for (n, text) in texts.enumerated() {
            let story = try #require((0..<10).first { text.contains(Self.story($0)[0]) }, "document \(n) lost its first line")
            #expect(Self.story(story).allSatisfy { text.contains($0) }, "document \(n) lost an article line")
            let hasTemplate = Self.templateLines.contains { text.contains($0) }
            // The first five pages teach the template; every later page arrives without it.
            #expect(hasTemplate == (n < 5), "document \(n): template present \(hasTemplate)")
        }
        let learned = try DatabaseQueue(path: archive).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM host_blocks WHERE pages >= 5") ?? 0
        }
        #expect(learned == Self.templateLines.count)

        // renormalize applies the learned template to the pages that taught it, from their captures.
        let again = try IngestdProcess.run(["renormalize", "--archive", archive])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("10 documents read again, 5 changed, 0 merged"), "\(again.stdout)")
        let after = try IngestdProcess.run(["export", "--archive", archive]).stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(after.count == 10)
        for text in after {
            #expect(!Self.templateLines.contains { text.contains($0) })
            let story = try #require((0..<10).first { text.contains(Self.story($0)[0]) })
            #expect(Self.story(story).allSatisfy { text.contains($0) })
        }
        withExtendedLifetime(server) {}
    }

    /// On PostgreSQL too, `renormalize` removes the learned template from the pages that taught it.
    @Test(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
    func renormalizeOnPostgreSQLRemovesTheTemplateFromThePagesThatTaughtIt() throws {
        let (_, server, config) = try site()
        let archive = try ThrowawayPostgres.shared().createDatabase()
        #expect(try IngestdProcess.run(["run", "--config", config, "--archive", archive]).status == 0)
        let again = try IngestdProcess.run(["renormalize", "--archive", archive])
        #expect(again.status == 0 && again.stdout.contains("10 documents read again, 5 changed, 0 merged"), "\(again.stdout)\(again.stderr)")
        let texts = try IngestdProcess.run(["export", "--archive", archive]).stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["text"] as? String
        }
        #expect(texts.count == 10 && texts.allSatisfy { text in !Self.templateLines.contains { text.contains($0) } })
        let search = try IngestdProcess.run(["search", "\"independent paper\"", "--archive", archive])
        #expect(search.status == 0 && !search.stdout.contains("Story"), "the search vectors follow the new texts: \(search.stdout)")
        #expect(try IngestdProcess.run(["verify", "--archive", archive]).status == 0)
        withExtendedLifetime(server) {}
    }
}
