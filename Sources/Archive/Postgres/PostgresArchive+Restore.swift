import Foundation

/// Restoring an ingestd JSONL export into PostgreSQL, as `WriteSession.restore` does into
/// SQLite: the same ids, clusters, relations to the canonical, times and sightings; each
/// capture as its facts and hash (`body_kept` false), except a document's corpus line,
/// which comes back whole. The postings and search vectors are made from the texts.
extension PostgresArchive {
    public func restore(_ doc: DocumentDetail, bandKeys: [UInt64], passageHashes: [UInt64]) throws(ArchiveError) {
        guard try db.query("SELECT 1 FROM documents WHERE id = $1 OR content_hash = $2", [.int(doc.id), .text(doc.contentHash)])
            .isEmpty else {
            throw .database("document \(doc.id) (or its text) is already in the archive")
        }
        let utf8 = Data(doc.text.utf8)
        guard ArchiveStore.sha256Hex(utf8) == doc.contentHash else {
            throw .corruptBlob("document \(doc.id): the text does not hash to its content_hash")
        }
        let recordSHA = doc.record.map(ArchiveStore.sha256Hex)
        if let recordSHA, !doc.sightings.contains(where: { $0.captureSHA256 == recordSHA }) {
            throw .corruptBlob("document \(doc.id): its record does not hash to any of its captures")
        }
        // The first member of a cluster to arrive makes it; its canonical claims it (an
        // original that arrived late took over), and `finishRestore` checks each one did.
        let clusterExists = try !db.query("SELECT 1 FROM clusters WHERE id = $1", [.int(doc.cluster)]).isEmpty
        try insertDocumentRow(doc)
        if !clusterExists {
            try db.execute("INSERT INTO clusters VALUES ($1, $2, $3)", [.int(doc.cluster), .int(doc.id), .date(doc.firstSeen)])
        } else if doc.relation == "canonical" {
            try db.execute("UPDATE clusters SET canonical_document_id = $1 WHERE id = $2", [.int(doc.id), .int(doc.cluster)])
        }
        try insertPostings(doc.id, bandKeys: bandKeys, passageHashes: passageHashes)
        for s in doc.sightings {
            let sourceID = try ensureSource(url: s.source, kind: s.sourceKind)
            let requested: PostgresConnection.Value = s.url == s.finalURL ? .null : .text(s.url)
            if let line = doc.record, s.captureSHA256 == recordSHA {
                try db.execute("""
                    INSERT INTO captures (id, requested_url, final_url, status, content_type, headers, fetched_at, body_sha256,
                                          body_size, body)
                    VALUES ($1, $2, $3, $4, $5, '[]', $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING
                    """, [.int(s.captureID), requested, .text(s.finalURL), .int(Int64(s.status)),
                          .text(DocumentDetail.recordContentType), .date(s.seenAt), .text(s.captureSHA256),
                          .int(Int64(line.count)), .bytes(ZlibCodec.compress(line))])
            } else {
                try db.execute("""
                    INSERT INTO captures (id, requested_url, final_url, status, etag, last_modified, headers, fetched_at,
                                          body_sha256, body_size, body, body_kept)
                    VALUES ($1, $2, $3, $4, $5, $6, '[]', $7, $8, 0, $9, FALSE) ON CONFLICT (id) DO NOTHING
                    """, [.int(s.captureID), requested, .text(s.finalURL), .int(Int64(s.status)), optional(s.etag),
                          optional(s.lastModified), .date(s.seenAt), .text(s.captureSHA256), .bytes(ZlibCodec.compress(Data()))])
            }
            try db.execute("""
                INSERT INTO sightings (document_id, source_id, capture_id, entry_key, url, seen_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
                """, [.int(doc.id), .int(sourceID), .int(s.captureID), .text(s.entryKey), .text(s.url), .date(s.seenAt)])
            try insertEntry(sourceID, s.entryKey, url: s.url, title: nil, published: nil, documentID: doc.id)
        }
    }

    public func finishRestore() throws(ArchiveError) {
        if let orphan = try db.query("""
            SELECT c.id FROM clusters c JOIN documents d ON d.id = c.canonical_document_id WHERE d.relation <> 'canonical' LIMIT 1
            """).first?.int(0) {
            throw .clusterWithoutCanonical(orphan)
        }
        // Restored rows brought their own ids; new ones start after them. Cluster ids are
        // drawn from the documents' sequence.
        try db.execute("""
            SELECT setval('document_ids', GREATEST((SELECT max(id) FROM documents), (SELECT max(id) FROM clusters), 0) + 1, false),
                   setval(pg_get_serial_sequence('captures', 'id'), COALESCE((SELECT max(id) FROM captures), 0) + 1, false),
                   setval(pg_get_serial_sequence('sources', 'id'), COALESCE((SELECT max(id) FROM sources), 0) + 1, false),
                   setval(pg_get_serial_sequence('sightings', 'id'), COALESCE((SELECT max(id) FROM sightings), 0) + 1, false)
            """)
    }
}
