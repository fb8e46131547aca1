@testable import Archive
import Foundation
import Testing
import TestSupport

/// A PostgreSQL archive made at any earlier schema version opens with today's code: every
/// later migration applies, and what was stored stays.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresMigrationTests {
    static let earlier = PostgresSchema.migrations.dropLast().map(\.name)

    @Test(arguments: earlier)
    func anArchiveOfAnEarlierSchemaIsUpgraded(version: String) throws {
        let url = try ThrowawayPostgres.shared().createDatabase()
        let old = try PostgresConnection(url: url)
        try PostgresSchema.migrate(old, upTo: version)
        #expect(try old.query("SELECT count(*) FROM ingestd_migrations").first?.int(0)
                == Int64(PostgresSchema.migrations.firstIndex { $0.name == version }! + 1))
        try old.execute("INSERT INTO sources (url, kind) VALUES ('https://news.example/feed', 'feed')")

        let archive = try PostgresArchive(url: url)
        #expect(try old.query("SELECT count(*) FROM ingestd_migrations").first?.int(0) == Int64(PostgresSchema.migrations.count))
        #expect(try archive.ensureSource(url: "https://news.example/feed", kind: "feed") == 1)
        #expect(try archive.feeds().map(\.url) == ["https://news.example/feed"])
    }

    @Test func aNewerSchemaIsRefusedUntouched() throws {
        let url = try ThrowawayPostgres.shared().createDatabase()
        _ = try PostgresArchive(url: url)
        let db = try PostgresConnection(url: url)
        try db.execute("INSERT INTO ingestd_migrations VALUES ('pg-v99-future', now())")
        #expect { try PostgresArchive(url: url) } throws: { error in
            "\(error)".contains("pg-v99-future") && "\(error)".contains("newer ingestd")
        }
    }
}
