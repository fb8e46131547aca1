import Foundation
import Testing
import TestSupport

/// `ingestd export` from a PostgreSQL archive gives what it gives from SQLite.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresExportTests {
    /// The same corpus imported into both: the same JSONL export (ids, clusters, relations,
    /// texts, sightings, the users' own lines), times aside; the same CSV rows and source lines.
    @Test func exportsMatchSQLitesForTheSameImport() throws {
        let folder = try TestPaths.temporaryFolder()
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "300", "--seed", "5", "--out", folder.path]).status == 0)
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        let sqlite = folder.appendingPathComponent("a.sqlite").path
        let postgres = try ThrowawayPostgres.shared().createDatabase()
        for archive in [sqlite, postgres] {
            let imported = try IngestdProcess.run(["import", "--jsonl", corpus, "--archive", archive])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        func export(_ archive: String, _ arguments: [String]) throws -> String {
            let result = try IngestdProcess.run(["export", "--archive", archive] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        // Times are when each archive took the line in; everything else must agree.
        func timeless(_ jsonl: String) throws -> [NSDictionary] {
            try jsonl.split(separator: "\n").map { line in
                var doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                doc["first_seen"] = nil
                doc["sightings"] = (doc["sightings"] as! [[String: Any]]).map { $0.filter { $0.key != "seen_at" } }
                return doc as NSDictionary
            }
        }
        let fromSQLite = try timeless(export(sqlite, [])), fromPostgres = try timeless(export(postgres, []))
        #expect(fromSQLite.count > 250 && fromSQLite == fromPostgres)
        #expect(fromPostgres.allSatisfy { $0["record"] != nil })
        let source = ["--canonical-only", "--format", "source"]
        #expect(try export(sqlite, source) == export(postgres, source))
        let csv = try export(postgres, ["--format", "csv", "--lang", "en", "--after", "100"])
        #expect(csv.hasPrefix("id,cluster,relation,") && !csv.contains("\r\n100,"))

        let stats = try IngestdProcess.run(["stats", "--json", "--archive", postgres]).stdout
        let counts = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as? [String: Any] ?? [:]
        #expect(counts["documents"] as? Int == fromPostgres.count && (counts["duplicate_index_bytes"] as? Int ?? 0) > 0, "\(stats)")

        let shown = try IngestdProcess.run(["docs", "show", "3", "--json", "--archive", postgres])
        let doc = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(doc["id"] as? Int == 3 && (doc["sightings"] as? [Any])?.isEmpty == false, "\(shown.stdout)\(shown.stderr)")
        #expect(try IngestdProcess.run(["docs", "show", "99999", "--archive", postgres]).status == 66)

        // verify re-hashes every text and capture; a damaged text is named.
        let clean = try IngestdProcess.run(["verify", "--archive", postgres])
        #expect(clean.status == 0 && clean.stdout.contains("0 problems"), "\(clean.stdout)\(clean.stderr)")
        let damage = try IngestdProcess.runTool("/usr/bin/psql", [postgres, "-c", "UPDATE documents SET text = '\\x01789c' WHERE id = 7"])
        #expect(damage.status == 0, "\(damage.stderr)")
        let damaged = try IngestdProcess.run(["verify", "--archive", postgres])
        #expect(damaged.status == 65 && damaged.stdout.contains("document 7: text does not decompress"), "\(damaged.stdout)")
    }

    /// A PostgreSQL archive that `run` filled exports WARC that warcio checks: requests,
    /// responses as received, metadata, and the feeds' bodies when kept.
    @Test func aRunOnPostgreSQLExportsWARCThatWarcioChecks() throws {
        let site = try DemoSite(keepFeedCaptures: true)
        let url = try ThrowawayPostgres.shared().createDatabase()
        #expect(try IngestdProcess.run(["run", "--config", site.config, "--archive", url]).status == 0)
        let warc = site.folder.appendingPathComponent("pg.warc.gz").path
        let exported = try IngestdProcess.run(["export", "--format", "warc", "--out", warc, "--archive", url])
        #expect(exported.status == 0 && exported.stderr.contains("12 captures and 4 feed captures"), "\(exported.stderr)")
        #expect(try Warcio.check(warc).status == 0)
        let types = try Warcio.index(warc, fields: ["warc-type"]).map { $0["warc-type"] ?? "" }
        #expect(types.filter { $0 == "request" }.count == 16 && types.filter { $0 == "response" }.count == 16)
    }
}

/// `ingestd search` on PostgreSQL: its own full-text search, in the documents' languages.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresSearchTests {
    @Test func ordinaryNewsTermsFindTheirDocuments() throws {
        let folder = try TestPaths.temporaryFolder()
        let lines: [[String: Any]] = [
            ["id": "a", "title": "Air defence deal", "text": "The ministry confirmed the delivery of S-400 air defence systems to the northern base on Monday, officials said after the meeting of the council."],
            ["id": "b", "title": "Harbour cranes", "text": "Dockers at the harbour restarted the cranes after the strike ended, and the first ships were unloaded before the evening tide turned."],
            ["id": "c", "title": "Liman vinçleri", "text": "Limandaki işçiler grev sona erdikten sonra vinçleri yeniden çalıştırdı ve ilk gemiler akşam gelgitinden önce boşaltıldı."],
        ]
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Data(try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n").utf8).write(to: corpus)
        let url = try ThrowawayPostgres.shared().createDatabase()
        #expect(try IngestdProcess.run(["import", "--jsonl", corpus.path, "--archive", url]).status == 0)
        func found(_ query: String) throws -> [String] {
            let result = try IngestdProcess.run(["search", query, "--json", "--archive", url])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            return hits.compactMap { $0["title"] as? String }
        }
        #expect(try found("S-400") == ["Air defence deal"])
        #expect(try found("crane AND") == ["Harbour cranes"], "stemmed, and a trailing AND is no error")
        #expect(try found("vinç") == [] || found("vinçleri") == ["Liman vinçleri"])
        #expect(try found("\"first ships\" -missile") == ["Harbour cranes"])
    }
}

/// `ingestd import` of pages and WARC files into PostgreSQL, and `clusters explain` there.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresPageImportTests {
    /// The demo's pages, imported as files into PostgreSQL and into SQLite, give the same
    /// clusters; a WARC that SQLite exports imports into PostgreSQL and exports again with
    /// the same responses; `clusters explain` reads PostgreSQL as it reads SQLite.
    @Test func pagesAndWARCImportIntoPostgreSQLAsIntoSQLite() throws {
        let folder = try TestPaths.temporaryFolder()
        let pages = TestPaths.demo.appendingPathComponent("pages").path
        let sqlite = folder.appendingPathComponent("a.sqlite").path
        let postgres = try ThrowawayPostgres.shared().createDatabase()
        for archive in [sqlite, postgres] {
            let imported = try IngestdProcess.run(["import", pages, "--archive", archive])
            #expect(imported.status == 0 && imported.stdout.contains("12 documents added"), "\(imported.stdout)\(imported.stderr)")
        }
        func clusters(_ archive: String) throws -> String {
            try IngestdProcess.run(["clusters", "list", "--members", "--archive", archive]).stdout
                .replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\dZ"#, with: "", options: .regularExpression)
        }
        #expect(try clusters(postgres) == clusters(sqlite) && !clusters(sqlite).isEmpty)
        for archive in [sqlite, postgres] {
            let explained = try IngestdProcess.run(["clusters", "explain", "1", "2", "--json", "--archive", archive])
            #expect(explained.status == 0 && explained.stdout.contains("\"jaccard\""), "\(explained.stdout)\(explained.stderr)")
        }
        let explainSQLite = try IngestdProcess.run(["clusters", "explain", "2", "5", "--archive", sqlite]).stdout
        #expect(try IngestdProcess.run(["clusters", "explain", "2", "5", "--archive", postgres]).stdout == explainSQLite)

        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let warc = folder.appendingPathComponent("crawl.warc.gz").path
        #expect(try IngestdProcess.run(["export", "--format", "warc", "--out", warc, "--archive", site.archive]).status == 0)
        let fromWARC = try ThrowawayPostgres.shared().createDatabase()
        let imported = try IngestdProcess.run(["import", warc, "--archive", fromWARC])
        #expect(imported.status == 0 && imported.stdout.contains("12 documents added"), "\(imported.stdout)\(imported.stderr)")
        let again = folder.appendingPathComponent("again.warc.gz").path
        #expect(try IngestdProcess.run(["export", "--format", "warc", "--out", again, "--archive", fromWARC]).status == 0)
        func responses(_ path: String) throws -> [String] {
            try Warcio.index(path, fields: ["warc-type", "warc-target-uri", "warc-payload-digest"])
                .filter { $0["warc-type"] == "response" }.map { "\($0["warc-target-uri"] ?? "") \($0["warc-payload-digest"] ?? "")" }.sorted()
        }
        #expect(try responses(again) == responses(warc) && responses(warc).count == 12)
    }
}

/// `ingestd clusters rebuild` on PostgreSQL decides as on SQLite.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresRebuildTests {
    /// One corpus in both stores, rebuilt under stricter passage evidence and then under the
    /// defaults again: after each rebuild both give the same clusters, and the last ones are
    /// the import's own; under the other shingle size, an import waits for a rebuild.
    @Test func aRebuildGivesSQLitesClustersOnPostgreSQL() throws {
        let folder = try TestPaths.temporaryFolder()
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "400", "--seed", "3", "--out", folder.path]).status == 0)
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        let sqlite = folder.appendingPathComponent("a.sqlite").path
        let postgres = try ThrowawayPostgres.shared().createDatabase()
        for archive in [sqlite, postgres] {
            #expect(try IngestdProcess.run(["import", "--jsonl", corpus, "--archive", archive]).status == 0)
        }
        func clusters(_ archive: String) throws -> [String] {
            try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", archive]).stdout.split(separator: "\n").map(String.init)
        }
        let imported = try clusters(postgres)
        #expect(try imported == clusters(sqlite) && imported.count > 350)
        let strict = folder.appendingPathComponent("strict.yaml").path
        try Data("dedup:\n  passage_min_count: 4\n  shingle_words: 4\n".utf8).write(to: URL(fileURLWithPath: strict))
        for config in [["--config", strict], []] {
            for archive in [sqlite, postgres] {
                let rebuilt = try IngestdProcess.run(["clusters", "rebuild", "--archive", archive] + config)
                #expect(rebuilt.status == 0 && rebuilt.stdout.hasPrefix("rebuild: "), "\(rebuilt.stdout)\(rebuilt.stderr)")
            }
            #expect(try clusters(postgres) == clusters(sqlite), "\(config)")
            if !config.isEmpty {
                #expect(try clusters(postgres) != imported, "the stricter settings change some clusters")
                let refused = try IngestdProcess.run(["import", "--jsonl", corpus, "--archive", postgres])
                #expect(refused.status == 78 && refused.stderr.contains("clusters rebuild"), "\(refused.stderr)")
            }
        }
        #expect(try clusters(postgres) == imported)
        let verified = try IngestdProcess.run(["verify", "--archive", postgres])
        #expect(verified.status == 0, "\(verified.stdout)")
    }
}
