import Foundation
import Testing
import TestSupport

/// `ingestd archive copy`: SQLite to PostgreSQL and back, with nothing lost on the way.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct ArchiveCopyTests {
    /// An archive filled by a run over HTTP (feeds, pages, wire bytes, feed bodies), an
    /// import of pages and one of a JSONL corpus goes SQLite → PostgreSQL → SQLite: every
    /// copy exports the same JSONL and WARC, lists the same feeds and clusters, and verifies
    /// clean; and each copy goes on giving the ids the original gives.
    @Test func aRunAndImportsGoToPostgreSQLAndBackLosslessly() throws {
        let site = try DemoSite(keepFeedCaptures: true)
        #expect(try site.run().status == 0)
        let pages = try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages/harbour").path, "--archive", site.archive])
        #expect(pages.status == 0, "\(pages.stderr)")
        let corpus = site.folder.appendingPathComponent("corpus")
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "300", "--seed", "9", "--out", corpus.path]).status == 0)
        let lines = corpus.appendingPathComponent("corpus.jsonl").path
        #expect(try IngestdProcess.run(["import", "--jsonl", lines, "--archive", site.archive, "--shard", "0/2"]).status == 0)

        let postgres = try ThrowawayPostgres.shared().createDatabase()
        let back = site.folder.appendingPathComponent("back.sqlite").path
        for (from, to) in [(site.archive, postgres), (postgres, back)] {
            let copied = try IngestdProcess.run(["archive", "copy", from, to, "--config", site.config])
            #expect(copied.status == 0 && copied.stdout.contains("captures"), "\(copied.stdout)\(copied.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: back + ".partial"))

        func output(_ arguments: [String], _ archive: String) throws -> String {
            let result = try IngestdProcess.run(arguments + ["--archive", archive])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout
        }
        // The warcinfo record's date is the export's own time.
        func warc(_ archive: String) throws -> String {
            try output(["export", "--format", "warc"], archive).replacingOccurrences(
                of: #"WARC-Date: \S+"#, with: "", options: .regularExpression, range: nil)
        }
        let jsonl = try output(["export", "--format", "jsonl"], site.archive)
        #expect(jsonl.split(separator: "\n").count > 150)
        for copy in [postgres, back] {
            #expect(try output(["export", "--format", "jsonl"], copy) == jsonl, "\(copy)")
            #expect(try warc(copy) == warc(site.archive), "\(copy)")
            #expect(try output(["feeds", "list"], copy) == output(["feeds", "list"], site.archive))
            #expect(try output(["clusters", "list", "--members"], copy) == output(["clusters", "list", "--members"], site.archive))
            #expect(try output(["verify"], copy).contains(" 0 problems"))
        }
        #expect(try output(["search", "cranes"], back) == output(["search", "cranes"], site.archive))
        // The feeds keep their schedule: nothing is due again in any of them.
        for archive in [site.archive, postgres, back] {
            let again = try IngestdProcess.run(["run", "--config", site.config, "--archive", archive])
            #expect(again.status == 0 && again.stdout.contains("4 not due"), "\(again.stdout)\(again.stderr)")
        }
        // New documents get the same ids in the copies as in the original.
        func ids(_ archive: String) throws -> [String] {
            #expect(try IngestdProcess.run(["import", "--jsonl", lines, "--archive", archive, "--shard", "1/2"]).status == 0)
            return try output(["export", "--format", "csv", "--after", "150"], archive).split(separator: "\n").map {
                $0.split(separator: ",").prefix(3).joined(separator: ",")
            }
        }
        let original = try ids(site.archive)
        #expect(original.count > 100)
        #expect(try ids(postgres) == original && ids(back) == original)
    }

    /// A copy never writes over an archive: an SQLite DEST that exists, or a database with
    /// documents, is refused and left as it was; so is copying an archive onto itself.
    @Test func aCopyWritesOnlyIntoANewOrEmptyArchive() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let postgres = try ThrowawayPostgres.shared().createDatabase()
        #expect(try IngestdProcess.run(["archive", "copy", site.archive, postgres]).status == 0)
        let existing = site.folder.appendingPathComponent("other.sqlite").path
        #expect(try IngestdProcess.run(["import", TestPaths.demo.appendingPathComponent("pages/kiyi").path, "--archive", existing]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: existing))

        let ontoFile = try IngestdProcess.run(["archive", "copy", postgres, existing])
        #expect(ontoFile.status == 73 && ontoFile.stderr.contains("exists"), "\(ontoFile.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == before)
        let ontoDatabase = try IngestdProcess.run(["archive", "copy", existing, postgres])
        #expect(ontoDatabase.status == 73 && ontoDatabase.stderr.contains("empty archive"), "\(ontoDatabase.stderr)")
        #expect(try IngestdProcess.run(["stats", "--json", "--archive", postgres]).stdout.contains("\"documents\" : 12"))
        #expect(try IngestdProcess.run(["archive", "copy", site.archive, site.archive]).status == 78)
        let missing = try IngestdProcess.run(["archive", "copy", site.folder.appendingPathComponent("none.sqlite").path, existing + "2"])
        #expect(missing.status == 66 && !FileManager.default.fileExists(atPath: existing + "2"), "\(missing.stderr)")
    }

    /// An ingestd JSONL export restores into PostgreSQL as into SQLite: the same export again;
    /// and `backup` of that database writes an SQLite file that exports it too.
    @Test func aJSONLExportRestoresIntoPostgreSQL() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let exported = site.folder.appendingPathComponent("export.jsonl")
        #expect(try IngestdProcess.run(["export", "--format", "jsonl", "--out", exported.path, "--archive", site.archive]).status == 0)
        let postgres = try ThrowawayPostgres.shared().createDatabase()
        let restored = try IngestdProcess.run(["import", "--jsonl", exported.path, "--archive", postgres])
        #expect(restored.status == 0, "\(restored.stderr)")
        let again = try IngestdProcess.run(["export", "--format", "jsonl", "--archive", postgres])
        #expect(again.stdout == String(decoding: try Data(contentsOf: exported), as: UTF8.self))
        let verified = try IngestdProcess.run(["verify", "--archive", postgres])
        #expect(verified.status == 0 && verified.stdout.contains("0 problems"), "\(verified.stdout)")
        // A backup of a PostgreSQL archive is an SQLite file that exports the same.
        let backup = site.folder.appendingPathComponent("backup.sqlite").path
        let backedUp = try IngestdProcess.run(["backup", backup, "--archive", postgres])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        #expect(try IngestdProcess.run(["export", "--format", "jsonl", "--archive", backup]).stdout == again.stdout)
    }
}
