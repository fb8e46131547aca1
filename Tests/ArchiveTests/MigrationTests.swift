@testable import Archive
import Foundation
import GRDB
import Testing
import TestSupport

/// An archive made at any earlier schema version opens with today's code: every later
/// migration runs in order and nothing stored is lost.
struct MigrationTests {
    static let earlier = Array(ArchiveSchema.migrator.migrations.dropLast())
    /// A fetch time as the archive stores it (to the millisecond).
    static let fetched = Date(timeIntervalSince1970: 1_764_000_000.125)
    /// Band 3's key 42 as `keys/1` stored it (mixed with the band), and as `keys/2` does (cut to 32 bits).
    static let fullBandKey: UInt64 = 42 ^ (4 &* 0x9e37_79b9_7f4a_7c15)
    static let bandKey = fullBandKey & 0xFFFF_FFFF
    /// A shared dictionary's preset and vocabulary, and a text stored with them.
    static let preset = Data("the wire story of the summit in Sochi ".utf8)
    static let vocabulary = ["the", "wire", "story", "summit", "in"].map { Data($0.utf8) }
    static let dictionaryText = Data("The wire story of the summit in Sochi, stored with a shared dictionary.".utf8)

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
            // (Signatures were stored until v10 dropped them.)
            let signature = try db.columns(in: "documents").contains { $0.name == "signature" }
            func insertDocument(_ id: Int64, _ text: Data, blob: Data) throws {
                try db.execute(sql: """
                    INSERT INTO documents (id, content_hash, text, text_size, word_count, \(signature ? "signature, " : "")relation, first_seen_at, normalizer_version)
                    VALUES (?, ?, ?, ?, 7, \(signature ? "x'00', " : "")'canonical', ?, 'normalizer/1')
                    """, arguments: [id, ArchiveStore.sha256Hex(text), blob, text.count, Date()])
                try db.execute(sql: "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?, ?, ?)", arguments: [id, id, Date()])
                try db.execute(sql: "UPDATE documents SET cluster_id = ? WHERE id = ?", arguments: [id, id])
            }
            // A document as the first schema stored it: plain zlib text, no dictionary, no base.
            let text = Data("A text archived before dictionaries existed.".utf8)
            try insertDocument(1, text, blob: ZlibCodec.compress(text))
            if try db.tableExists("dictionaries") {
                // A text stored with a shared dictionary, with a vocabulary from v11 on.
                let words = try db.columns(in: "dictionaries").contains { $0.name == "words" } ? Self.vocabulary : nil
                let vocabulary = words.map { Data($0.joined(separator: [0x0A])) }
                var values: [(any DatabaseValueConvertible)?] = [Self.preset, ArchiveStore.sha256Hex(Self.preset), Date()]
                if let vocabulary { values += [vocabulary, ArchiveStore.sha256Hex(vocabulary)] }
                try db.execute(sql: """
                    INSERT INTO dictionaries (id, data, sha256, created_at\(words == nil ? "" : ", words, words_sha256")) \
                    VALUES (1, ?, ?, ?\(words == nil ? "" : ", ?, ?"))
                    """, arguments: StatementArguments(values))
                let dictionary = SharedDictionary(id: 1, digest: "", preset: Self.preset, coder: words.map { WordCoder(vocabulary: $0) })
                try insertDocument(2, Self.dictionaryText, blob: TextBlob.encode(Self.dictionaryText, dictionary: dictionary, base: nil))
            }
            // One page fetched through a redirect, seen twice: at its fetch, then a day later by another entry.
            let page = Data("<p>A text archived before dictionaries existed.</p>".utf8)
            try db.execute(sql: """
                INSERT INTO captures (id, requested_url, final_url, status, headers, fetched_at, body_sha256, body_size, body)
                VALUES (1, 'https://old.example/1', 'https://old.example/one', 200, '[]', ?, ?, ?, ?)
                """, arguments: [Self.fetched, ArchiveStore.sha256Hex(page), page.count, ZlibCodec.compress(page)])
            try db.execute(sql: """
                INSERT INTO sightings (document_id, source_id, capture_id, entry_key, url, seen_at)
                VALUES (1, 1, 1, 'guid-1', 'https://old.example/1', ?), (1, 1, 1, 'guid-2', 'https://old.example/one', ?)
                """, arguments: [Self.fetched, Self.fetched.addingTimeInterval(86_400)])
            if try db.tableExists("minhash_bands") {
                // Index keys as a row each, as they were until v12 made segments of them.
                try db.execute(sql: "INSERT INTO minhash_bands (band, key, document_id) VALUES (3, 42, 1)")
                try db.execute(sql: "INSERT INTO passage_postings (hash, document_id) VALUES (7, 1), (8, 1)")
            } else {
                let pending = PendingIndexKeys()
                let all = ArchiveSchema.migrator.migrations
                let cut = all.firstIndex(of: version)! >= all.firstIndex(of: "v19-compact-index")!
                try pending.add(.band, [cut ? Self.bandKey : Self.fullBandKey], document: 1)
                try pending.add(.passage, [7, 8], document: 1)
                try IndexSegments.flush(pending, db)
            }
        }
        try old.close()

        let store = try ArchiveStore(path: path)
        let migrations = ArchiveSchema.migrator.migrations
        let feed = try #require(try store.feeds().first)
        #expect(feed.url == "https://old.example/rss" && feed.etag == "\"v1\"")
        #expect(try store.isEntryKnown(sourceID: feed.sourceID, entryKey: "new-guid", url: "https://old.example/1"))
        let document = try store.document(1)
        #expect(document.text == "A text archived before dictionaries existed.")
        if migrations.firstIndex(of: version)! >= migrations.firstIndex(of: "v5-text-dictionaries")! {
            #expect(try store.document(2).text == String(decoding: Self.dictionaryText, as: UTF8.self))
        }
        #expect(document.sightings.map(\.url) == ["https://old.example/1", "https://old.example/one"])
        #expect(document.sightings.map(\.finalURL) == ["https://old.example/one", "https://old.example/one"])
        #expect(document.sightings.map(\.seenAt) == [Self.fetched, Self.fetched.addingTimeInterval(86_400)])
        var requested: [String] = []
        try store.forEachCapture { requested.append($0.requestedURL) }
        #expect(requested == ["https://old.example/1"], "the redirect's first URL is kept")
        #expect(try store.found(bands: [Self.bandKey], passages: [], min: 2, limit: 8)
            .map(\.documentID) == [1], "the band key is found, cut to 32 bits")
        #expect(try store.found(bands: [42], passages: [7, 8], min: 2, limit: 8)
            .map(\.documentID) == [1], "the postings are found")
        if migrations.firstIndex(of: version)! < migrations.firstIndex(of: "v4-search")! {
            // (From v4 on, the write path indexes documents; this one was written by hand.)
            #expect(try store.search(SearchQuery("dictionaries"), limit: 5).map(\.id) == [1], "the search index is filled for old documents")
        }
        let (applied, hashSize) = try DatabaseQueue(path: path).read { db in
            (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try Int.fetchOne(db, sql: "SELECT v FROM documents_fts_config WHERE k = 'hashsize'"))
        }
        #expect(applied == ArchiveSchema.migrator.migrations)
        #expect(hashSize == ArchiveSchema.searchHashSize, "the search index collects more before it writes")
        if migrations.firstIndex(of: version)! < migrations.firstIndex(of: "v16-index-scheme")! {
            // (From v16 on, the writer records its scheme; these documents were written by hand.)
            #expect(try store.indexScheme() == "keys/2 shingle_words=5 minhash_permutations=128 lsh_bands=32 winnow_window=6",
                    "documents archived before schemes were recorded are taken to have the default settings' keys, cut by v19")
        }
        #expect(try store.integrityProblems().isEmpty)
    }
}
