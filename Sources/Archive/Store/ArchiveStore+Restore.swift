import Foundation
import GRDB

/// Restoring documents from ingestd's own JSONL export, so that an export imported into a
/// new archive exports again byte for byte: ids, clusters, relations to the canonical,
/// first-seen times, normalizer versions and every sighting (source, entry, URLs, time,
/// HTTP facts, capture id and hash) come back as they were.
///
/// A JSONL export carries no raw bodies (WARC does), so each capture comes back as its
/// facts and SHA-256 only, marked `body_kept = 0`, and `verify` says so rather than
/// failing; except a document's corpus line (`record`), which comes back whole as the
/// body of the capture whose hash it has.
/// The duplicate indexes and the search index are computed again from the texts; the
/// evidence of relations is not in the export (`clusters rebuild` recomputes it).
extension WriteSession {
    /// Whether the archive holds any document (a restore needs an empty one, so ids are free).
    public func hasDocuments() throws(ArchiveError) -> Bool {
        do { return try Bool.fetchOne(db, sql: "SELECT 1 FROM documents LIMIT 1") ?? false } catch { throw ArchiveStore.wrap(error) }
    }

    public func restore(_ doc: DocumentDetail, bandKeys: [UInt64], passageHashes: [UInt64]) throws(ArchiveError) {
        do {
            try ArchiveStore.restore(doc, bandKeys: bandKeys, passageHashes: passageHashes, db, pending: pendingKeys)
        } catch {
            throw ArchiveStore.wrap(error)
        }
    }

    /// After the last document: every restored cluster has its canonical.
    public func finishRestore() throws(ArchiveError) {
        let orphan: Int64?
        do {
            orphan = try Int64.fetchOne(db, sql: """
                SELECT c.id FROM clusters c JOIN documents d ON d.id = c.canonical_document_id
                WHERE d.relation <> 'canonical' LIMIT 1
                """)
        } catch {
            throw ArchiveStore.wrap(error)
        }
        if let orphan { throw .clusterWithoutCanonical(orphan) }
    }
}

extension ArchiveStore {
    static func restore(_ doc: DocumentDetail, bandKeys: [UInt64], passageHashes: [UInt64], _ db: Database,
                        pending: PendingIndexKeys) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM documents WHERE id = ? OR content_hash = ?"), arguments: [doc.id, doc.contentHash]) != true else {
            throw ArchiveError.database("document \(doc.id) (or its text) is already in the archive")
        }
        let utf8 = Data(doc.text.utf8)
        guard sha256Hex(utf8) == doc.contentHash else {
            throw ArchiveError.corruptBlob("document \(doc.id): the text does not hash to its content_hash")
        }
        let isCanonical = doc.relation == "canonical"
        // A cluster's canonical may come after other members (an original that arrived late
        // took over): the first member to arrive makes the cluster, the canonical claims it,
        // and `finishRestore` makes sure each one did.
        let clusterExists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM clusters WHERE id = ?"),
                                              arguments: [doc.cluster]) == true
        let dictionary = try newestDictionary(db)
        let (blob, baseID) = try encodeText(utf8, dictionary: dictionary,
                                            joining: isCanonical ? .ownCluster : .join(clusterID: doc.cluster, relation: doc.relation), db)
        var record = DocumentRecord(
            id: doc.id, contentHash: doc.contentHash, title: doc.title, published: doc.published, language: doc.language,
            siteName: doc.siteName, canonicalURL: doc.canonicalURL, text: blob, textSize: utf8.count, wordCount: doc.wordCount,
            clusterID: nil, relation: doc.relation, firstSeenAt: doc.firstSeen,
            normalizerVersion: doc.normalizerVersion, textBaseID: baseID)
        try record.insert(db)
        if !clusterExists {
            try db.cachedStatement(sql: "INSERT INTO clusters (id, canonical_document_id, created_at) VALUES (?, ?, ?)")
                .execute(arguments: [doc.cluster, doc.id, doc.firstSeen])
        } else if isCanonical {
            try db.cachedStatement(sql: "UPDATE clusters SET canonical_document_id = ? WHERE id = ?").execute(arguments: [doc.id, doc.cluster])
        }
        try db.cachedStatement(sql: "UPDATE documents SET cluster_id = ? WHERE id = ?").execute(arguments: [doc.cluster, doc.id])
        try insertIndexKeys(bandKeys: bandKeys, passageHashes: passageHashes, documentID: doc.id, into: pending, db)
        try indexForSearch(doc.id, title: doc.title, text: doc.text, db)
        let recordSHA = doc.record.map(sha256Hex)
        if let recordSHA, !doc.sightings.contains(where: { $0.captureSHA256 == recordSHA }) {
            throw ArchiveError.corruptBlob("document \(doc.id): its record does not hash to any of its captures")
        }
        for s in doc.sightings {
            let sourceID = try ensureSource(url: s.source, kind: s.sourceKind, db)
            let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM captures WHERE id = ?"), arguments: [s.captureID]) == true
            if !exists, let line = doc.record, s.captureSHA256 == recordSHA {
                try db.cachedStatement(sql: """
                    INSERT INTO captures (id, requested_url, final_url, status, content_type, headers, fetched_at,
                                          body_sha256, body_size, body, body_base_id)
                    VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)
                    """).execute(arguments: [s.captureID, s.url == s.finalURL ? nil : s.url, s.finalURL, s.status,
                                             DocumentDetail.recordContentType, s.seenAt, s.captureSHA256, line.count,
                                             CaptureBlob.encode(line, base: (doc.id, utf8), isJSON: true), doc.id])
            } else if !exists {
                try db.cachedStatement(sql: """
                    INSERT INTO captures (id, requested_url, final_url, status, etag, last_modified, headers, fetched_at,
                                          body_sha256, body_size, body, body_kept)
                    VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, 0, ?, 0)
                    """).execute(arguments: [s.captureID, s.url == s.finalURL ? nil : s.url, s.finalURL, s.status, s.etag, s.lastModified, s.seenAt,
                                             s.captureSHA256, ZlibCodec.compress(Data())])
            }
            _ = try insertSighting(documentID: doc.id, sourceID: sourceID, captureID: s.captureID, entryKey: s.entryKey,
                                   url: s.url, seenAt: s.seenAt, db)
            try insertEntry(sourceID, s.entryKey, url: s.url, title: nil, published: nil, documentID: doc.id, db)
        }
        try trainDictionaryIfDue(db, newest: dictionary)
    }
}
