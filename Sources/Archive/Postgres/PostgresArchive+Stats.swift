/// `stats` on PostgreSQL: the same counts as on SQLite, and sizes as PostgreSQL reports them
/// (the whole database; the postings table and its index as the duplicate index; the GIN
/// index as the search index).
extension PostgresArchive {
    public func stats() throws(ArchiveError) -> ArchiveStats {
        func count(_ sql: String) throws(ArchiveError) -> Int { Int(try db.query(sql).first?.int(0) ?? 0) }
        func grouped(_ sql: String) throws(ArchiveError) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try db.query(sql).map { ($0.text(0)!, Int($0.int(1)!)) })
        }
        let multi = try db.query("""
            SELECT count(*), coalesce(sum(n), 0)::bigint FROM (SELECT count(*) AS n FROM documents GROUP BY cluster_id HAVING count(*) > 1) m
            """).first
        let text = try db.query("SELECT coalesce(sum(text_size), 0)::bigint, coalesce(sum(length(text)), 0)::bigint, coalesce(sum(word_count), 0)::bigint FROM documents").first
        let captures = try db.query("""
            SELECT coalesce(sum(body_size), 0)::bigint, coalesce(sum(length(body) + coalesce(length(wire_body), 0)), 0)::bigint FROM captures
            """).first
        return ArchiveStats(
            sources: try count("SELECT count(*) FROM sources"), captures: try count("SELECT count(*) FROM captures"),
            documents: try count("SELECT count(*) FROM documents"), sightings: try count("SELECT count(*) FROM sightings"),
            clusters: try count("SELECT count(*) FROM clusters"), multiDocumentClusters: Int(multi?.int(0) ?? 0),
            documentsInMultiDocumentClusters: Int(multi?.int(1) ?? 0),
            relationsByKind: try grouped("SELECT kind, count(*) FROM relations GROUP BY kind"),
            documentsByRelation: try grouped("SELECT relation, count(*) FROM documents GROUP BY relation"),
            rawTextBytes: Int(text?.int(0) ?? 0), compressedTextBytes: Int(text?.int(1) ?? 0),
            rawCaptureBytes: Int(captures?.int(0) ?? 0), compressedCaptureBytes: Int(captures?.int(1) ?? 0),
            archiveFileBytes: try count("SELECT pg_database_size(current_database())"), words: Int(text?.int(2) ?? 0),
            duplicateIndexBytes: try count("SELECT pg_total_relation_size('postings')"),
            searchIndexBytes: try count("SELECT pg_relation_size('documents_search')"))
    }
}
