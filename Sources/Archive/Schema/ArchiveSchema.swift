import GRDB

/// The archive's schema as named, append-only migrations.
///
/// Guarantees: a migration, once released, is never edited; new needs get a new named
/// migration appended here, so every older archive can be upgraded in order.
enum ArchiveSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-initial", migrate: createInitialTables)
        m.registerMigration("v2-host-blocks", migrate: createHostBlocks)
        m.registerMigration("v3-feed-schedule", migrate: addFeedSchedule)
        m.registerMigration("v4-search", migrate: createSearchIndex)
        m.registerMigration("v5-text-dictionaries", migrate: addTextDictionaries)
        m.registerMigration("v6-capture-bases", migrate: addCaptureBases)
        m.registerMigration("v7-restored-captures", migrate: addRestoredCaptures)
        m.registerMigration("v8-source-aliases", migrate: addSourceAliases)
        m.registerMigration("v9-robots-txt", migrate: addRobotsTxt)
        m.registerMigration("v10-no-signatures", migrate: dropSignatures)
        m.registerMigration("v11-word-dictionaries", migrate: addWordDictionaries)
        m.registerMigration("v12-index-segments", migrate: segmentIndexes)
        m.registerMigration("v13-compact-provenance", migrate: compactProvenance)
        m.registerMigration("v14-dictionary-digests-first", migrate: putDictionaryDigestsFirst)
        m.registerMigration("v15-search-hash-size", migrate: enlargeSearchHash)
        m.registerMigration("v16-index-scheme", migrate: addIndexScheme)
        m.registerMigration("v17-entry-failures", migrate: addEntryFailures)
        m.registerMigration("v18-source-origin", migrate: addSourceOrigin)
        m.registerMigration("v19-compact-index", migrate: compactIndexBlocks)
        m.registerMigration("v20-wire-bytes", migrate: addWireBytes)
        m.registerMigration("v21-feed-captures", migrate: addFeedCaptures)
        m.registerMigration("v22-window-time", migrate: addWindowTimeIndex)
        m.registerMigration("v23-fuse-filters", migrate: useFuseFilters)
        return m
    }

    private static func createInitialTables(_ db: Database) throws {
        try db.create(table: "sources") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull()                 // feed | import
            t.column("url", .text).notNull().unique()
            t.column("title", .text)
            t.column("etag", .text)
            t.column("last_modified", .text)
            t.column("last_body_sha256", .text)
            t.column("last_fetched_at", .datetime)
            t.column("last_status", .integer)
            t.column("error_count", .integer).notNull().defaults(to: 0)
            t.column("last_error", .text)
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "captures") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("requested_url", .text).notNull()
            t.column("final_url", .text).notNull()
            t.column("status", .integer).notNull()
            t.column("content_type", .text)
            t.column("etag", .text)
            t.column("last_modified", .text)
            t.column("headers", .text).notNull()             // JSON [[name, value]]
            t.column("fetched_at", .datetime).notNull()
            t.column("body_sha256", .text).notNull()
            t.column("body_size", .integer).notNull()
            t.column("body", .blob).notNull()                 // ZlibCodec blob
            t.uniqueKey(["final_url", "body_sha256"])
        }
        try db.create(table: "clusters") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("canonical_document_id", .integer).notNull().unique()
                .references("documents", column: "id", deferred: true)
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "documents") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("content_hash", .text).notNull().unique()
            t.column("title", .text)
            t.column("published", .datetime)
            t.column("language", .text)
            t.column("site_name", .text)
            t.column("canonical_url", .text)
            t.column("text", .blob).notNull()                 // ZlibCodec blob of the canonical text
            t.column("text_size", .integer).notNull()
            t.column("word_count", .integer).notNull()
            t.column("signature", .blob).notNull()            // MinHash, little-endian UInt32s
            t.column("cluster_id", .integer).references("clusters", column: "id", deferred: true).indexed()
            t.column("relation", .text).notNull()             // canonical | syndicated | shared-wire-passages
            t.column("first_seen_at", .datetime).notNull()
            t.column("normalizer_version", .text).notNull()
        }
        try db.create(table: "sightings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents").indexed()
            t.column("source_id", .integer).notNull().references("sources")
            t.column("capture_id", .integer).notNull().references("captures")
            t.column("entry_key", .text).notNull()            // feed entry id, or the file URL
            t.column("url", .text).notNull()                  // URL requested
            t.column("seen_at", .datetime).notNull()
            t.uniqueKey(["document_id", "source_id", "capture_id", "entry_key"])
        }
        try db.create(table: "entries") { t in
            t.column("source_id", .integer).notNull().references("sources")
            t.column("entry_key", .text).notNull()
            t.column("url", .text)
            t.column("title", .text)
            t.column("published", .datetime)
            t.column("first_seen_at", .datetime).notNull()
            t.column("document_id", .integer).references("documents")
            t.primaryKey(["source_id", "entry_key"])
        }
        try db.create(table: "relations") { t in
            t.column("document_id", .integer).notNull().references("documents")
            t.column("other_id", .integer).notNull().references("documents").indexed()
            t.column("kind", .text).notNull()
            t.column("jaccard", .double).notNull()
            t.column("containment", .double).notNull()
            t.column("passages", .text).notNull()            // JSON [SharedPassage]
            t.column("created_at", .datetime).notNull()
            t.primaryKey(["document_id", "other_id"])
        }
        try db.create(table: "minhash_bands", options: .withoutRowID) { t in
            t.column("band", .integer).notNull()
            t.column("key", .integer).notNull()
            t.column("document_id", .integer).notNull().references("documents")
            t.primaryKey(["band", "key", "document_id"])
        }
        try db.create(table: "passage_postings", options: .withoutRowID) { t in
            t.column("hash", .integer).notNull()
            t.column("document_id", .integer).notNull().references("documents")
            t.primaryKey(["hash", "document_id"])
        }
    }

    /// Short paragraphs counted per host, to learn each site's template (`HostTemplate`):
    /// `pages` goes up when a paragraph is seen on a page whose URL differs from `last_url`,
    /// so new versions of one page do not count again one after the other.
    private static func createHostBlocks(_ db: Database) throws {
        try db.create(table: "host_blocks", options: .withoutRowID) { t in
            t.column("host", .text).notNull()
            t.column("hash", .integer).notNull()
            t.column("pages", .integer).notNull()
            t.column("last_url", .text).notNull()
            t.primaryKey(["host", "hash"])
        }
    }

    /// Per-feed scheduling and parking, and entries found again by link when a feed
    /// changes its GUIDs: `next_fetch_at` (NULL: due now), `interval_seconds` (the feed's
    /// own refresh hint, NULL: the configured default), `parked_reason` (set: not fetched
    /// until resumed), `removed_at` (set: removed by the operator, kept for provenance).
    private static func addFeedSchedule(_ db: Database) throws {
        try db.alter(table: "sources") { t in
            t.add(column: "next_fetch_at", .datetime)
            t.add(column: "interval_seconds", .double)
            t.add(column: "parked_reason", .text)
            t.add(column: "removed_at", .datetime)
        }
        try db.create(index: "entries_by_url", on: "entries", columns: ["source_id", "url"])
    }

    /// Full-text search (FTS5, contentless: the texts stay compressed in `documents`),
    /// filled from every document already archived.
    private static func createSearchIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2')
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, title, text, text_size FROM documents ORDER BY id")
        while let row = try rows.next() {
            let text = String(decoding: try ZlibCodec.decompress(row["text"], expectedSize: row["text_size"]), as: UTF8.self)
            try ArchiveStore.indexForSearch(row["id"], title: row["title"], text: text, db)
        }
    }

    /// Dictionary compression of texts (`TextBlob`): the shared dictionaries, and for each
    /// document the base document whose text its blob was compressed against.
    private static func addTextDictionaries(_ db: Database) throws {
        try db.create(table: "dictionaries") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("data", .blob).notNull()
            t.column("sha256", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.alter(table: "documents") { t in
            t.add(column: "text_base_id", .integer).references("documents")
        }
        try db.create(index: "documents_by_text_base", on: "documents", columns: ["text_base_id"])
    }

    /// Captures compressed against the text extracted from them (`CaptureBlob`): which
    /// document each one needs.
    private static func addCaptureBases(_ db: Database) throws {
        try db.alter(table: "captures") { t in
            t.add(column: "body_base_id", .integer).references("documents")
        }
        try db.create(index: "captures_by_body_base", on: "captures", columns: ["body_base_id"])
    }

    /// Captures known only by their facts and hash (restored from a JSONL export, which
    /// carries provenance but no raw bodies): `body_kept` is 0 for them.
    private static func addRestoredCaptures(_ db: Database) throws {
        try db.alter(table: "captures") { t in
            t.add(column: "body_kept", .integer).notNull().defaults(to: 1)
        }
    }

    /// The URLs a source had before a permanent redirect moved it, so that a config still
    /// naming the old URL finds the same source instead of making a second one.
    private static func addSourceAliases(_ db: Database) throws {
        try db.create(table: "source_aliases", options: .withoutRowID) { t in
            t.column("url", .text).notNull().primaryKey()
            t.column("source_id", .integer).notNull().references("sources")
        }
    }

    /// Each host's robots.txt as last fetched, so cron runs minutes apart do not ask again.
    private static func addRobotsTxt(_ db: Database) throws {
        try db.create(table: "robots_txt", options: .withoutRowID) { t in
            t.column("host", .text).notNull().primaryKey()
            t.column("status", .integer).notNull()
            t.column("body", .blob).notNull()
            t.column("fetched_at", .datetime).notNull()
        }
    }

    /// MinHash signatures are no longer kept: only their LSH band keys are looked up, and a
    /// rebuild computes signatures again from the texts. They were a tenth of the file.
    private static func dropSignatures(_ db: Database) throws {
        try db.alter(table: "documents") { t in t.drop(column: "signature") }
    }

    /// Word-coded texts (`TextBlob` formats 4 and 5): a dictionary may carry a vocabulary,
    /// its words joined by newlines, with its own SHA-256. Older dictionaries have none.
    private static func addWordDictionaries(_ db: Database) throws {
        try db.alter(table: "dictionaries") { t in
            t.add(column: "words", .blob)
            t.add(column: "words_sha256", .text)
        }
    }

    /// The duplicate indexes as sorted segments of packed blocks (`IndexSegments`) instead of
    /// a row per key. What an older archive indexed is moved over document by document, in
    /// the order it was written, through the same path new documents take.
    private static func segmentIndexes(_ db: Database) throws {
        try db.create(table: "index_segments") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("level", .integer).notNull()
            t.column("entries", .integer).notNull()
            t.column("first_document_id", .integer).notNull()
            t.column("last_document_id", .integer).notNull()
            t.column("nonce", .integer).notNull()     // the filter's identity (SegmentFilters)
            // Last: a lookup reads the columns before it without walking its overflow pages.
            t.column("filter", .blob).notNull()       // SegmentFilter of the segment's keys
        }
        try db.create(table: "index_blocks", options: .withoutRowID) { t in
            t.column("segment", .integer).notNull().references("index_segments")
            t.column("kind", .integer).notNull()
            t.column("first_key", .integer).notNull()
            t.column("first_document", .integer).notNull()
            t.column("entries", .blob).notNull()
            t.primaryKey(["segment", "kind", "first_key", "first_document"])
        }
        var bands = try KeysByDocument(db, sql: "SELECT document_id, band, key FROM minhash_bands ORDER BY document_id") { row in
            // (The band mix of `keys/1`, whose full 64-bit keys v19 then cuts to 32 bits.)
            UInt64(bitPattern: row[2]) ^ (UInt64(row[1] as Int + 1) &* 0x9e37_79b9_7f4a_7c15)
        }
        var postings = try KeysByDocument(db, sql: "SELECT document_id, hash FROM passage_postings ORDER BY document_id") { row in
            UInt64(bitPattern: row[1])
        }
        let pending = PendingIndexKeys()
        while let document = [bands.document, postings.document].compactMap({ $0 }).min() {
            try pending.add(.band, bands.take(document), document: document)
            try pending.add(.passage, postings.take(document), document: document)
            if pending.count >= IndexSegments.pendingLimit { try IndexSegments.flush(pending, db) }
        }
        try IndexSegments.flush(pending, db)
        try db.drop(table: "minhash_bands")
        try db.drop(table: "passage_postings")
    }
}
