import Foundation
import Testing
import TestSupport

/// Where the archive is: `--archive`, else the config's `archive.url` (a file beside the
/// config, or a PostgreSQL database), for every command alike.
struct ArchiveLocationTests {
    @Test func theConfigNamesTheArchiveAndArchiveOverridesIt() throws {
        let folder = try TestPaths.temporaryFolder()
        let config = folder.appendingPathComponent("ingestd.yaml").path
        try Data("archive:\n  url: news.sqlite\n".utf8).write(to: URL(fileURLWithPath: config))
        let pages = TestPaths.demo.appendingPathComponent("pages/kiyi").path
        let imported = try IngestdProcess.run(["import", pages, "--config", config])
        #expect(imported.status == 0, "\(imported.stderr)")
        let file = folder.appendingPathComponent("news.sqlite").path
        #expect(FileManager.default.fileExists(atPath: file), "relative to the config's folder")
        #expect(try IngestdProcess.run(["stats", "--config", config]).stdout.hasPrefix("archive \(file):"))
        let other = folder.appendingPathComponent("other.sqlite").path
        #expect(try IngestdProcess.run(["import", pages, "--config", config, "--archive", other]).status == 0)
        #expect(try IngestdProcess.run(["stats", "--archive", other, "--config", config]).stdout.hasPrefix("archive \(other):"))

        try Data("archive:\n  uri: news.sqlite\n".utf8).write(to: URL(fileURLWithPath: config))
        let misspelt = try IngestdProcess.run(["stats", "--config", config])
        #expect(misspelt.status == 78 && misspelt.stderr.contains("unknown setting \"uri\" in section archive"), "\(misspelt.stderr)")
    }

    @Test(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
    func aPostgreSQLArchiveNamedInTheConfig() throws {
        let folder = try TestPaths.temporaryFolder()
        let url = try ThrowawayPostgres.shared().createDatabase()
        let config = folder.appendingPathComponent("ingestd.yaml").path
        try Data("archive:\n  url: \(url)\n".utf8).write(to: URL(fileURLWithPath: config))
        let pages = TestPaths.demo.appendingPathComponent("pages").path
        let imported = try IngestdProcess.run(["import", pages, "--config", config])
        #expect(imported.status == 0 && imported.stdout.contains("12 documents added"), "\(imported.stdout)\(imported.stderr)")
        let listed = try IngestdProcess.run(["clusters", "list", "--config", config])
        #expect(listed.status == 0 && !listed.stdout.isEmpty, "\(listed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("postgres:").path))
    }
}
