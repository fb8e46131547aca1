@testable import Archive
import Foundation
import GRDB
import Testing
import TestSupport

/// An archive made at any earlier schema version opens with today's code: every later
/// migration runs in order and nothing stored is lost.
struct MigrationTests {
    static let earlier = Array(ArchiveSchema.migrator.migrations.dropLast())

    @Test(arguments: earlier)
    func anArchiveOfAnEarlierSchemaIsUpgraded(version: String) throws {
        let path = try TestPaths.temporaryFolder().appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(old, upTo: version)
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO sources (kind, url, created_at, etag) VALUES ('feed', 'https://old.example/rss', ?, '"v1"')
                """, arguments: [Date()])
            try db.execute(sql: """
                INSERT INTO entries (source_id, entry_key, url, first_seen_at) VALUES (1, 'guid-1', 'https://old.example/1', ?)
                """, arguments: [Date()])
            // A document as the first schema stored it: plain zlib text, no dictionary, no base.
            let text = Data("A text archived before dictionaries existed.".utf8)
            // (Signatures were stored until v10 dropped them.)
            let signature = try db.columns(in: "documents").contains { $0.name == "signature" }
            try db.execute(sql: """
                INSERT INTO documents (id, content_hash, text, text_size, word_count, \(signature ? "signature, " : "")relation, first_seen_at, normalizer_version)
                VALUES (1, ?, ?, ?, 7, \(signature ? "x'00', " : "")'canonical', ?, 'normalizer/1')
                """, arguments: [ArchiveStore.sha256Hex(text), ZlibCodec.compress(text), text.count, Date()])
            try db.execute(sql: "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (1, 1, ?)", arguments: [Date()])
            try db.execute(sql: "UPDATE documents SET cluster_id = 1 WHERE id = 1")
            // Index keys as a row each, as they were until v12 made segments of them.
            try db.execute(sql: "INSERT INTO minhash_bands (band, key, document_id) VALUES (3, 42, 1)")
            try db.execute(sql: "INSERT INTO passage_postings (hash, document_id) VALUES (7, 1), (8, 1)")
        }
        try old.close()

        let store = try ArchiveStore(path: path)
        let feed = try #require(try store.feeds().first)
        #expect(feed.url == "https://old.example/rss" && feed.etag == "\"v1\"")
        #expect(try store.isEntryKnown(sourceID: feed.sourceID, entryKey: "new-guid", url: "https://old.example/1"))
        #expect(try store.document(1).text == "A text archived before dictionaries existed.")
        #expect(try store.candidates(bandKeys: [0, 0, 0, 42], passageHashes: [], common: [], minSharedPassages: 2, bucketLimit: 8)
            .map(\.documentID) == [1], "the band key is found at its band")
        #expect(try store.candidates(bandKeys: [42], passageHashes: [7, 8], common: [], minSharedPassages: 2, bucketLimit: 8)
            .map(\.documentID) == [1], "the postings are found")
        let migrations = ArchiveSchema.migrator.migrations
        if migrations.firstIndex(of: version)! < migrations.firstIndex(of: "v4-search")! {
            // (From v4 on, the write path indexes documents; this one was written by hand.)
            #expect(try store.search("dictionaries", limit: 5).map(\.id) == [1], "the search index is filled for old documents")
        }
        let applied = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ArchiveSchema.migrator.migrations)
        #expect(try store.integrityProblems().isEmpty)
    }
}
