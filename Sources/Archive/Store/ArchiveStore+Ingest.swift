import Crypto
import Foundation
import GRDB

extension ArchiveStore {
    /// The id of the document with this exact normalized text, if archived.
    public func documentID(contentHash: String) throws(ArchiveError) -> Int64? {
        try read { db in try Self.documentID(contentHash: contentHash, db) }
    }

    /// Writes one sighting (capture, document or provenance, relations, cluster, index
    /// postings, feed entry) in a single transaction.
    @discardableResult
    public func record(_ ingest: Ingest) throws(ArchiveError) -> IngestOutcome {
        try write { db in
            let pending = PendingIndexKeys()
            let outcome = try Self.record(ingest, db, pending: pending)
            try IndexSegments.flush(pending, merging: false, db)
            return outcome
        }
    }

    /// Lowercase hex SHA-256, as stored for captures.
    public static func sha256Hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in SHA256.hash(data: data) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func documentID(contentHash: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE content_hash = ?"), arguments: [contentHash])
    }

    /// Writes one sighting. `searchRows`, when given, collects the new document's row for
    /// the search index instead of writing it now (see `WriteSession`); its index keys wait
    /// in `pending` until the transaction stores them (`IndexSegments.flush`).
    static func record(_ ingest: Ingest, _ db: Database, pending: PendingIndexKeys,
                       searchRows: SearchRows? = nil) throws -> IngestOutcome {
        let outcome: IngestOutcome
        switch ingest.content {
        case let .existing(documentID):
            let captureID = try Self.upsertCapture(ingest.capture, base: nil, db)
            outcome = .seenAgain(documentID: documentID, newSighting: try Self.insertSighting(documentID, captureID, ingest, db))
        case let .new(input, relations, cluster):
            if let existing = try Self.documentID(contentHash: input.contentHash, db) {
                let captureID = try Self.upsertCapture(ingest.capture, base: nil, db)
                outcome = .seenAgain(documentID: existing,
                                     newSighting: try Self.insertSighting(existing, captureID, ingest, db))
            } else {
                let (documentID, clusterID) = try Self.insertDocument(input, cluster: cluster, at: ingest.capture.fetchedAt, db)
                if let searchRows {
                    searchRows.append(documentID, title: input.title, text: input.text)
                } else {
                    try indexForSearch(documentID, title: input.title, text: input.text, db)
                }
                // The page's text is most of what its capture says: compressed against it, the raw capture costs little.
                let captureID = try Self.upsertCapture(ingest.capture, base: (documentID, Data(input.text.utf8)),
                                                       prepared: input.prepared, db)
                try Self.insertRelations(relations, from: documentID, db)
                if cluster != .ownCluster { try Self.takeOverIfOlder(documentID, relations: relations, db) }
                try Self.insertIndexKeys(bandKeys: input.bandKeys, passageHashes: input.passageHashes,
                                         documentID: documentID, into: pending, db)
                _ = try Self.insertSighting(documentID, captureID, ingest, db)
                outcome = .added(documentID: documentID, clusterID: clusterID, joinedExistingCluster: cluster != .ownCluster)
            }
        }
        let documentID: Int64 = switch outcome {
        case let .added(id, _, _): id
        case let .seenAgain(id, _): id
        }
        try Self.insertEntry(ingest.sourceID, ingest.entryKey, url: ingest.url, title: ingest.entryTitle,
                             published: ingest.entryPublished, documentID: documentID, db)
        return outcome
    }

    static func upsertCapture(_ c: CaptureInput, base: (id: Int64, text: Data)?, prepared: PreparedBlobs? = nil,
                                      _ db: Database) throws -> Int64 {
        let sha = prepared?.captureSHA256 ?? Self.sha256Hex(c.body)
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM captures WHERE final_url = ? AND body_sha256 = ?"), arguments: [c.finalURL, sha]) {
            return id
        }
        let headers = c.headers.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(c.headers), as: UTF8.self)
        let body = CaptureBlob.encode(c.body, base: base, isJSON: CaptureBlob.isJSON(c.contentType), stream: prepared?.captureStream)
        // A prepared statement, not a GRDB record: encoding a record through Codable, column
        // by column by name, was a twentieth of an import. The requested URL is NULL when it
        // is the final one (migration v13).
        try db.cachedStatement(sql: """
            INSERT INTO captures (requested_url, final_url, status, content_type, etag, last_modified, headers, fetched_at,
                                  body_sha256, body_size, body, body_base_id, request_head, response_head, wire_body, wire_body_size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [c.requestedURL == c.finalURL ? nil : c.requestedURL, c.finalURL, c.status, c.contentType,
                                     c.etag, c.lastModified, headers, StorageDate(c.fetchedAt), sha, c.body.count, body, base?.id,
                                     c.requestHead, c.responseHead, c.wireBody.map { ZlibCodec.compress($0) }, c.wireBody?.count])
        return db.lastInsertedRowID
    }

    private static func insertDocument(_ input: DocumentInput, cluster: ClusterChoice, at time: Date,
                                       _ db: Database) throws -> (Int64, Int64) {
        let utf8 = Data(input.text.utf8)
        let dictionary = try newestDictionary(db)
        let (blob, baseID) = try encodeText(utf8, dictionary: dictionary, joining: cluster, nearest: input.nearestID,
                                            prepared: input.prepared, db)
        // The row is written whole, its cluster included: a canonical's cluster id is its own
        // id, so that id is taken first. (An update after the insert would write the row and
        // its cluster index entry twice.)
        let documentID = try nextDocumentID(db)
        let (clusterID, relation) = switch cluster {
        case .ownCluster: (documentID, "canonical")
        case let .join(id, relation): (id, relation)
        }
        // A prepared statement, not a `DocumentRecord`: see `upsertCapture`.
        try db.cachedStatement(sql: """
            INSERT INTO documents (id, content_hash, title, published, language, site_name, canonical_url, text, text_size,
                                   word_count, cluster_id, relation, first_seen_at, normalizer_version, text_base_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [documentID, input.contentHash, input.title, input.published.storage, input.language, input.siteName,
                                     input.canonicalURL, blob, utf8.count, input.wordCount, clusterID, relation, StorageDate(time),
                                     input.normalizerVersion, baseID])
        if cluster == .ownCluster {
            try db.cachedStatement(sql: "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?, ?, ?)")
                .execute(arguments: [documentID, documentID, StorageDate(time)])
        }
        try trainDictionaryIfDue(db, newest: dictionary)
        return (documentID, clusterID)
    }

    /// The id SQLite's AUTOINCREMENT would give the next document: past every id ever used.
    private static func nextDocumentID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0),
                       COALESCE((SELECT MAX(id) FROM documents), 0)) + 1
            """))!
    }

    /// Puts a document in its own new cluster (as canonical) or in an existing one.
    /// A cluster's id is its canonical document's id, so ids survive a rebuild whenever the
    /// canonical does.
    static func assignCluster(_ documentID: Int64, _ cluster: ClusterChoice, at time: Date, _ db: Database) throws -> Int64 {
        switch cluster {
        case .ownCluster:
            try db.cachedStatement(sql: "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?, ?, ?)")
                .execute(arguments: [documentID, documentID, StorageDate(time)])
            try db.cachedStatement(sql: "UPDATE documents SET cluster_id = ?, relation = 'canonical' WHERE id = ?").execute(arguments: [documentID, documentID])
            return documentID
        case let .join(id, relation):
            try db.cachedStatement(sql: "UPDATE documents SET cluster_id = ?, relation = ? WHERE id = ?").execute(arguments: [id, relation, documentID])
            return id
        }
    }

    static func insertRelations(_ relations: [RelationInput], from documentID: Int64, _ db: Database) throws {
        for r in relations {
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO relations (document_id, other_id, kind, jaccard, containment, passages, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [documentID, r.otherID, r.kind, r.jaccard, r.containment, r.passagesJSON, StorageDate(Date())])
        }
    }

    /// Adds a document's index keys to `pending`, stored as a segment once it holds
    /// `IndexSegments.pendingLimit` of them, or when the transaction ends.
    static func insertIndexKeys(bandKeys: [UInt64], passageHashes: [UInt64], documentID: Int64,
                                into pending: PendingIndexKeys, _ db: Database) throws {
        try pending.add(.band, bandKeys, document: documentID)
        try pending.add(.passage, passageHashes, document: documentID)
        if pending.count >= IndexSegments.pendingLimit { try IndexSegments.flush(pending, db) }
    }

    private static func insertSighting(_ documentID: Int64, _ captureID: Int64, _ ingest: Ingest, _ db: Database) throws -> Bool {
        try insertSighting(documentID: documentID, sourceID: ingest.sourceID, captureID: captureID, entryKey: ingest.entryKey,
                           url: ingest.url, seenAt: ingest.capture.fetchedAt, db)
    }

    /// Stores a sighting unless the same one is stored; its URL and time are stored as NULL
    /// when they are its capture's final URL and fetch time (migration v13). Returns
    /// whether it was new.
    static func insertSighting(documentID: Int64, sourceID: Int64, captureID: Int64, entryKey: String, url: String,
                               seenAt: Date, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO sightings (document_id, source_id, capture_id, entry_key, url, seen_at)
            SELECT ?, ?, id, ?, NULLIF(?, final_url), NULLIF(?, fetched_at) FROM captures WHERE id = ?
            """).execute(arguments: [documentID, sourceID, entryKey, url, StorageDate(seenAt), captureID])
        return db.changesCount > 0
    }

    static func insertEntry(_ sourceID: Int64, _ key: String, url: String?, title: String?, published: Date?,
                            documentID: Int64?, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO entries (source_id, entry_key, url, title, published, first_seen_at, document_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [sourceID, key, url, title, published.storage, StorageDate(Date()), documentID])
    }
}
