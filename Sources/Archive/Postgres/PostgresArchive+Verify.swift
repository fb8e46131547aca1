import Foundation

/// `verify` on PostgreSQL: every text and capture decompressed and re-hashed as on SQLite
/// (the same zlib blobs), each wire body decompressed to its size, and each cluster checked
/// to have its canonical as a member. Page-level checks are the server's own business.
extension PostgresArchive {
    public func verify() throws -> (ArchiveStore.VerifyCounts, [IntegrityProblem]) {
        var counts = ArchiveStore.VerifyCounts()
        var problems: [IntegrityProblem] = []
        try db.forEachRow("SELECT id, content_hash, text, text_size FROM documents ORDER BY id") { r in
            counts.documents += 1
            if let detail = ArchiveStore.check(size: Int(r.int(3)!), sha256: r.text(1)!, {
                try ZlibCodec.decompress(r.bytes(2)!, expectedSize: Int(r.int(3)!))
            }) {
                problems.append(IntegrityProblem(object: .document, id: r.int(0), detail: "text " + detail))
            }
        }
        try db.forEachRow("SELECT id, body_sha256, body, body_size, wire_body, wire_body_size, body_kept FROM captures ORDER BY id") { r in
            counts.captures += 1
            if r.bool(6) == false {
                counts.capturesWithoutBody += 1
            } else if let detail = ArchiveStore.check(size: Int(r.int(3)!), sha256: r.text(1)!, {
                try ZlibCodec.decompress(r.bytes(2)!, expectedSize: Int(r.int(3)!))
            }) {
                problems.append(IntegrityProblem(object: .capture, id: r.int(0), detail: "raw capture " + detail))
            }
            if let wire = r.bytes(4), (try? ZlibCodec.decompress(wire, expectedSize: Int(r.int(5) ?? 0)))?.count != Int(r.int(5) ?? -1) {
                problems.append(IntegrityProblem(object: .capture, id: r.int(0), detail: "the body as received over the wire does not decompress"))
            }
        }
        for r in try db.query("""
            SELECT c.id FROM clusters c JOIN documents d ON d.id = c.canonical_document_id
            WHERE d.cluster_id <> c.id OR d.relation <> 'canonical'
            """) {
            problems.append(IntegrityProblem(object: .database, id: nil, detail: "cluster \(r.int(0)!): its canonical is not its canonical member"))
        }
        return (counts, problems)
    }
}
