import Foundation

/// The archive on a PostgreSQL server: the same documents, captures, sightings, entries,
/// relations, clusters and duplicate-index postings as the SQLite archive, answering the
/// same `ArchiveWriter` and `PostingSource` contract, so the one engine (`Dedup`) decides
/// alike on both. All of its SQL is in this folder (`Sources/Archive/Postgres`).
///
/// Guarantees: each `record` is atomic (its own transaction, or part of the one
/// `inTransaction` holds); `earliest` lists each key's first documents in id order, as
/// every store does; canonical takeover follows the SQLite archive's rule (published
/// earlier when both are dated, else seen earlier); texts and captures are `ZlibCodec`
/// blobs. Not thread-safe: one per thread, one connection each.
///
/// Many processes may write one archive at once. Deciding where a text goes reads the
/// postings and clusters that earlier texts wrote, so two copies of one story written at
/// the same moment by two workers could each find nothing and both become canonicals. So
/// every write transaction first takes one transaction-scoped advisory lock (`writeLock`):
/// matching and writing are serialized across workers, and each sees everything committed
/// before it. What a worker does outside a transaction (reading, normalizing,
/// fingerprinting, compressing its lines) runs in parallel.
public final class PostgresArchive: CorpusStore, CorpusBatch, FeedStore {
    let db: PostgresConnection
    /// Where the database is, as given (a second connection is opened from it where one is needed).
    let url: String
    /// Whether `inTransaction` is running (a `record` inside it joins its transaction).
    private var inOpenTransaction = false
    /// The advisory lock every write transaction holds (see the type's comment).
    static let writeLock: Int64 = 7_431_002

    /// Whether `location` names a PostgreSQL database rather than an archive file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Connects to the database at `url` and brings its tables up to date.
    public init(url: String) throws(ArchiveError) {
        self.url = url
        db = try PostgresConnection(url: url)
        try PostgresSchema.migrate(db)
    }

    /// The server and database, without a password, for messages.
    public var label: String { db.label }

    /// `url` without its password, for messages.
    public static func label(of url: String) -> String { PostgresConnection.withoutPassword(url) }

    /// Claims the archive for index keys of `scheme`, as `ArchiveStore.claimIndexScheme` does.
    public func claimIndexScheme(_ scheme: String) throws(ArchiveError) {
        try db.execute("INSERT INTO archive_settings VALUES ('index_scheme', $1) ON CONFLICT DO NOTHING", [.text(scheme)])
        let archived = try db.query("SELECT value FROM archive_settings WHERE name = 'index_scheme'").first?.text(0) ?? scheme
        guard archived == scheme else { throw .indexSchemeMismatch(path: label, archived: archived, configured: scheme) }
    }

    /// Runs `body` in one transaction, every `record` inside it included.
    public func inTransaction<T>(_ body: (PostgresArchive) throws -> T) throws -> T {
        precondition(!inOpenTransaction, "transactions do not nest")
        inOpenTransaction = true
        defer { inOpenTransaction = false }
        return try db.transaction {
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.writeLock)])
            return try body(self)
        }
    }

    func atomically<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do {
            return try inOpenTransaction ? body() : inTransaction { _ in try body() }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .database("\(label): \(error)")
        }
    }

    /// One transaction (holding `writeLock`) around the match and its `record`, unless one is open.
    public func matchingAlone<T>(_ body: () throws -> T) throws -> T {
        try inOpenTransaction ? body() : inTransaction { _ in try body() }
    }

    public func batch<T>(_ body: (any CorpusBatch) throws -> T) throws -> T {
        try inTransaction { try body($0) }
    }

    /// PostgreSQL manages its own buffers.
    public func setWriterCache(mebibytes: Int) {}

    /// Nothing is held: several workers write one PostgreSQL archive at once, so the
    /// documents after one worker's are not all its own.
    public func holdWrittenIndexKeys(perKey: Int, expected: (bandKeys: Int, postings: Int)) {}

    /// Blobs without a shared dictionary: the PostgreSQL archive compresses each text and
    /// capture by itself (`ZlibCodec`), and does not use them.
    public func blobPreparer() -> BlobPreparer { BlobPreparer(dictionary: nil) }

    public func hasDocuments() throws(ArchiveError) -> Bool {
        try !db.query("SELECT 1 FROM documents LIMIT 1").isEmpty
    }

    public func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64 {
        if let id = try db.query("SELECT source_id FROM source_aliases WHERE url = $1", [.text(url)]).first?.int(0) { return id }
        try db.execute("INSERT INTO sources (url, kind) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING", [.text(url), .text(kind)])
        guard let id = try db.query("SELECT id FROM sources WHERE url = $1", [.text(url)]).first?.int(0) else {
            throw .database("\(label): source \(url) vanished")
        }
        return id
    }

    // MARK: PostingSource

    public func earliest(_ kind: IndexKind, _ keys: [UInt64], limit: Int, from: Int64, into lists: inout PostingLists) throws(ArchiveError) {
        let rows = try db.query("""
            SELECT k.ord, p.document_id FROM unnest($2::bigint[]) WITH ORDINALITY AS k(key, ord)
            CROSS JOIN LATERAL (SELECT document_id FROM postings WHERE kind = $1 AND key = k.key AND document_id >= $4
                                ORDER BY document_id LIMIT $3) p
            ORDER BY k.ord, p.document_id
            """, [.int(Int64(kind.rawValue)), .ints(keys.map { Int64(bitPattern: $0) }), .int(Int64(limit)), .int(from)])
        var next = rows.startIndex
        for position in 1...max(keys.count, 1) where position <= keys.count {
            while next < rows.endIndex, rows[next].int(0) == Int64(position) {
                lists.append(rows[next].int(1)!)
                next += 1
            }
            lists.endList()
        }
    }

    /// A document's window time (`PostingSource`). The index `documents_window_time`
    /// (`PostgresSchema`) is on this very expression, which is what lets the planner use it.
    static let windowTimeSQL = "least(coalesce(published, first_seen_at), first_seen_at)"

    public func windowClock() throws(ArchiveError) -> Double? {
        try db.query("SELECT max(\(Self.windowTimeSQL)) FROM documents").first?.date(0)?.timeIntervalSinceReferenceDate
    }

    public func firstDocument(windowTimeAtLeast time: Double) throws(ArchiveError) -> Int64? {
        // (OFFSET 0 keeps the planner from turning min(id) into a walk of every id from the first.)
        try db.query("SELECT min(id) FROM (SELECT id FROM documents WHERE \(Self.windowTimeSQL) >= $1 OFFSET 0) AS w",
                     [.date(Date(timeIntervalSinceReferenceDate: time))]).first?.int(0)
    }

    public func windowTime(of document: Int64) throws(ArchiveError) -> Double? {
        try db.query("SELECT \(Self.windowTimeSQL) FROM documents WHERE id = $1", [.int(document)]).first?.date(0)?
            .timeIntervalSinceReferenceDate
    }

    public func clusters(of documents: [Int64]) throws(ArchiveError) -> [Int64] {
        let rows = try db.query("SELECT id, cluster_id FROM documents WHERE id = ANY($1::bigint[])", [.ints(documents)])
        let cluster = Dictionary(uniqueKeysWithValues: rows.map { ($0.int(0)!, $0.int(1)!) })
        return documents.map { cluster[$0] ?? $0 }
    }

    public func candidates(_ documents: [Int64]) throws(ArchiveError) -> [Candidate] {
        let rows = try db.query("SELECT id, cluster_id, relation, text, text_size FROM documents WHERE id = ANY($1::bigint[])",
                                [.ints(documents)])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.int(0)!, $0) })
        return documents.compactMap { id in
            guard let row = byID[id], let blob = row.bytes(3), let size = row.int(4) else { return nil }
            return Candidate(documentID: id, clusterID: row.int(1)!, isCanonical: row.text(2) == "canonical") { () throws(ArchiveError) in
                String(decoding: try ZlibCodec.decompress(blob, expectedSize: Int(size)), as: UTF8.self)
            }
        }
    }

    // MARK: ArchiveWriter

    public func documentID(contentHash: String) throws(ArchiveError) -> Int64? {
        try db.query("SELECT id FROM documents WHERE content_hash = $1", [.text(contentHash)]).first?.int(0)
    }

    @discardableResult
    public func record(_ ingest: Ingest) throws(ArchiveError) -> IngestOutcome {
        try atomically {
            let outcome: IngestOutcome
            switch ingest.content {
            case let .existing(id):
                outcome = try seenAgain(id, ingest)
            case let .new(input, relations, cluster):
                if let id = try documentID(contentHash: input.contentHash) {
                    outcome = try seenAgain(id, ingest)
                } else {
                    outcome = try add(input, relations: relations, cluster: cluster, ingest)
                }
            }
            let documentID: Int64 = switch outcome {
            case let .added(id, _, _): id
            case let .seenAgain(id, _): id
            }
            try insertEntry(ingest.sourceID, ingest.entryKey, url: ingest.url, title: ingest.entryTitle,
                            published: ingest.entryPublished, documentID: documentID)
            return outcome
        }
    }

    /// Another sighting of an archived text: its capture and sighting only.
    private func seenAgain(_ documentID: Int64, _ ingest: Ingest) throws(ArchiveError) -> IngestOutcome {
        let captureID = try upsertCapture(ingest.capture)
        return .seenAgain(documentID: documentID, newSighting: try insertSighting(documentID, captureID, ingest))
    }

    /// A new document with its capture, relations, cluster (taking over when older) and postings.
    private func add(_ input: DocumentInput, relations: [RelationInput], cluster: ClusterChoice,
                     _ ingest: Ingest) throws(ArchiveError) -> IngestOutcome {
        let (documentID, clusterID) = try insertDocument(input, cluster: cluster, at: ingest.capture.fetchedAt)
        let captureID = try upsertCapture(ingest.capture)
        try insertRelations(relations, from: documentID)
        if cluster != .ownCluster { try takeOverIfOlder(documentID, relations: relations) }
        try insertPostings(documentID, bandKeys: input.bandKeys, passageHashes: input.passageHashes)
        _ = try insertSighting(documentID, captureID, ingest)
        return .added(documentID: documentID, clusterID: clusterID, joinedExistingCluster: cluster != .ownCluster)
    }

    public func settleEntry(sourceID: Int64, entryKey: String, url: String?, title: String?, published: Date?) throws(ArchiveError) {
        try insertEntry(sourceID, entryKey, url: url, title: title, published: published, documentID: nil)
    }

    public func hostTemplateBlocks(host: String, minPages: Int) throws(ArchiveError) -> Set<UInt64> {
        let rows = try db.query("SELECT hash FROM host_blocks WHERE host = $1 AND pages >= $2", [.text(host), .int(Int64(minPages))])
        return Set(rows.map { UInt64(bitPattern: $0.int(0)!) })
    }

    public func recordHostBlocks(host: String, url: String, hashes: [UInt64]) throws(ArchiveError) {
        guard !hashes.isEmpty else { return }
        try db.execute("""
            INSERT INTO host_blocks SELECT $1, h, 1, $2 FROM unnest($3::bigint[]) AS h
            ON CONFLICT (host, hash) DO UPDATE SET pages = host_blocks.pages + (host_blocks.last_url <> excluded.last_url)::int,
                last_url = excluded.last_url
            """, [.text(host), .text(url), .ints(hashes.map { Int64(bitPattern: $0) })])
    }

    /// Every sighting in the order it was archived, as `ArchiveStore.forEachMembership` gives them.
    public func forEachMembership(_ body: (Membership) throws -> Void) throws {
        let rows = try db.query("""
            SELECT s.entry_key, so.kind, s.document_id, d.cluster_id,
                   CASE WHEN s.id = (SELECT MIN(f.id) FROM sightings f WHERE f.document_id = s.document_id)
                        THEN d.relation ELSE 'exact' END
            FROM sightings s JOIN documents d ON d.id = s.document_id JOIN sources so ON so.id = s.source_id
            ORDER BY s.id
            """)
        for row in rows {
            try body(Membership(entryKey: row.text(0)!, sourceKind: row.text(1)!, documentID: row.int(2)!,
                                clusterID: row.int(3)!, relation: row.text(4)!))
        }
    }

    // MARK: Writes

    private func insertDocument(_ input: DocumentInput, cluster: ClusterChoice, at time: Date) throws(ArchiveError) -> (Int64, Int64) {
        guard let documentID = try db.query("SELECT nextval('document_ids')").first?.int(0) else {
            throw .database("\(label): no document id")
        }
        let (clusterID, relation) = switch cluster {
        case .ownCluster: (documentID, "canonical")
        case let .join(id, relation): (id, relation)
        }
        try insertDocumentRow(DocumentDetail(
            id: documentID, cluster: clusterID, relation: relation, title: input.title, published: input.published,
            language: input.language, siteName: input.siteName, canonicalURL: input.canonicalURL, contentHash: input.contentHash,
            firstSeen: time, wordCount: input.wordCount, normalizerVersion: input.normalizerVersion, text: input.text, sightings: []))
        if cluster == .ownCluster {
            try db.execute("INSERT INTO clusters VALUES ($1, $1, $2)", [.int(documentID), .date(time)])
        }
        return (documentID, clusterID)
    }

    /// The document's row, its text compressed and its search vector made. The title weighs
    /// more than the text; both are read in the text's language where PostgreSQL has a
    /// configuration for it (`PostgresSearch`).
    func insertDocumentRow(_ d: DocumentDetail) throws(ArchiveError) {
        let utf8 = Data(d.text.utf8)
        try db.execute("""
            INSERT INTO documents VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                setweight(to_tsvector($15::regconfig, coalesce($3, '')), 'A') || to_tsvector($15::regconfig, $16))
            """, [.int(d.id), .text(d.contentHash), optional(d.title), d.published.map(PostgresConnection.Value.date) ?? .null,
                  optional(d.language), optional(d.siteName), optional(d.canonicalURL), .bytes(ZlibCodec.compress(utf8)),
                  .int(Int64(utf8.count)), .int(Int64(d.wordCount)), .int(d.cluster), .text(d.relation), .date(d.firstSeen),
                  .text(d.normalizerVersion), .text(PostgresSearch.configuration(d.language)), .text(d.text)])
    }

    func insertPostings(_ documentID: Int64, bandKeys: [UInt64], passageHashes: [UInt64]) throws(ArchiveError) {
        for (kind, keys) in [(IndexKind.band, bandKeys), (.passage, passageHashes)] where !keys.isEmpty {
            try db.execute("""
                INSERT INTO postings SELECT $1, k, $2 FROM unnest($3::bigint[]) AS k ON CONFLICT DO NOTHING
                """, [.int(Int64(kind.rawValue)), .int(documentID), .ints(keys.map { Int64(bitPattern: $0) })])
        }
    }

    func insertRelations(_ relations: [RelationInput], from documentID: Int64) throws(ArchiveError) {
        for r in relations {
            try db.execute("""
                INSERT INTO relations VALUES ($1, $2, $3, $4, $5, $6, now())
                ON CONFLICT (document_id, other_id) DO UPDATE SET kind = excluded.kind, jaccard = excluded.jaccard,
                    containment = excluded.containment, passages = excluded.passages
                """, [.int(documentID), .int(r.otherID), .text(r.kind), .double(r.jaccard), .double(r.containment),
                      .text(r.passagesJSON)])
        }
    }

    /// The rule of `ArchiveStore.takeOverIfOlder`, in PostgreSQL's words.
    func takeOverIfOlder(_ documentID: Int64, relations: [RelationInput]) throws(ArchiveError) {
        guard let row = try db.query("""
            SELECT d.cluster_id, d.relation, c.canonical_document_id
            FROM documents d JOIN clusters c ON c.id = d.cluster_id JOIN documents k ON k.id = c.canonical_document_id
            WHERE d.id = $1 AND k.id <> d.id
              AND CASE WHEN d.published IS NOT NULL AND k.published IS NOT NULL THEN d.published < k.published
                       ELSE d.first_seen_at < k.first_seen_at END
            """, [.int(documentID)]).first else { return }
        let cluster = row.int(0)!, own = row.text(1)!, former = row.int(2)!
        let formerRelation = relations.first { $0.otherID == former }?.kind ?? own
        try db.execute("UPDATE clusters SET canonical_document_id = $1 WHERE id = $2", [.int(documentID), .int(cluster)])
        try db.execute("UPDATE documents SET relation = 'canonical' WHERE id = $1", [.int(documentID)])
        try db.execute("UPDATE documents SET relation = $1 WHERE id = $2", [.text(formerRelation), .int(former)])
    }

    func upsertCapture(_ c: CaptureInput) throws(ArchiveError) -> Int64 {
        let sha = ArchiveStore.sha256Hex(c.body)
        if let id = try db.query("SELECT id FROM captures WHERE final_url = $1 AND body_sha256 = $2", [.text(c.finalURL), .text(sha)])
            .first?.int(0) {
            return id
        }
        let headers: String
        do { headers = c.headers.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(c.headers), as: UTF8.self) } catch {
            throw .database("\(label): headers of \(c.finalURL): \(error)")
        }
        let rows = try db.query("""
            INSERT INTO captures (requested_url, final_url, status, content_type, etag, last_modified, headers, fetched_at,
                                  body_sha256, body_size, body, request_head, response_head, wire_body, wire_body_size)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
            """, [c.requestedURL == c.finalURL ? .null : .text(c.requestedURL), .text(c.finalURL), .int(Int64(c.status)),
                  optional(c.contentType), optional(c.etag), optional(c.lastModified), .text(headers), .date(c.fetchedAt),
                  .text(sha), .int(Int64(c.body.count)), .bytes(ZlibCodec.compress(c.body)),
                  c.requestHead.map(PostgresConnection.Value.bytes) ?? .null, c.responseHead.map(PostgresConnection.Value.bytes) ?? .null,
                  c.wireBody.map { .bytes(ZlibCodec.compress($0)) } ?? .null, c.wireBody.map { .int(Int64($0.count)) } ?? .null])
        return rows[0].int(0)!
    }

    private func insertSighting(_ documentID: Int64, _ captureID: Int64, _ ingest: Ingest) throws(ArchiveError) -> Bool {
        try !db.query("""
            INSERT INTO sightings (document_id, source_id, capture_id, entry_key, url, seen_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT DO NOTHING RETURNING id
            """, [.int(documentID), .int(ingest.sourceID), .int(captureID), .text(ingest.entryKey), .text(ingest.url),
                  .date(ingest.capture.fetchedAt)]).isEmpty
    }

    func insertEntry(_ sourceID: Int64, _ key: String, url: String?, title: String?, published: Date?,
                             documentID: Int64?) throws(ArchiveError) {
        try db.execute("""
            INSERT INTO entries VALUES ($1, $2, $3, $4, $5, now(), $6) ON CONFLICT DO NOTHING
            """, [.int(sourceID), .text(key), optional(url), optional(title), published.map(PostgresConnection.Value.date) ?? .null,
                  documentID.map(PostgresConnection.Value.int) ?? .null])
    }

    func optional(_ text: String?) -> PostgresConnection.Value { text.map(PostgresConnection.Value.text) ?? .null }
}
