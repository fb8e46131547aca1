@testable import Archive
import Foundation
import GRDB
import Testing
import TestSupport

/// An archive made by the first schema opens with today's code: every later migration runs
/// in order and nothing stored is lost.
struct MigrationTests {
    @Test func anArchiveOfTheFirstSchemaIsUpgraded() throws {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(old, upTo: "v1-initial")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO sources (kind, url, created_at, etag) VALUES ('feed', 'https://old.example/rss', ?, '"v1"')
                """, arguments: [Date()])
            try db.execute(sql: """
                INSERT INTO entries (source_id, entry_key, url, first_seen_at) VALUES (1, 'guid-1', 'https://old.example/1', ?)
                """, arguments: [Date()])
        }
        try old.close()

        let store = try ArchiveStore(path: path)
        let feed = try #require(try store.feeds().first)
        #expect(feed.url == "https://old.example/rss" && feed.etag == "\"v1\"")
        #expect(feed.nextFetchAt == nil && feed.parkedReason == nil)
        #expect(try store.isEntryKnown(sourceID: feed.sourceID, entryKey: "new-guid", url: "https://old.example/1"))
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ArchiveSchema.migrator.migrations && applied.first == "v1-initial" && applied.count >= 7)
        #expect(try store.integrityProblems().isEmpty)
    }
}
