import Foundation

/// Full-text search on PostgreSQL: each document's title and text as a `tsvector` (GIN
/// index), stemmed in its language where PostgreSQL has a configuration for it, else as
/// plain words; queries in web-search syntax (`websearch_to_tsquery`), which takes any
/// string a user types (`S-400`, a trailing AND, an unclosed quote) without a syntax error.
enum PostgresSearch {
    /// PostgreSQL's text-search configuration for an ISO 639-1 language code.
    static func configuration(_ language: String?) -> String {
        let known = ["en": "english", "tr": "turkish", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
                     "pt": "portuguese", "it": "italian", "nl": "dutch"]
        return language.flatMap { known[$0] } ?? "simple"
    }

    /// Every configuration a document may be stored under: a query is read in each, so a
    /// stemmed word finds its documents whatever their language.
    static let configurations = ["simple", "english", "turkish", "russian", "german", "french", "spanish", "portuguese",
                                 "italian", "dutch"]
}

extension PostgresArchive {
    /// Documents matching `query`, best first (`ts_rank`), each with its first sighting's URL
    /// and source and a snippet around the first term found, as `ArchiveStore.search` gives them.
    /// FTS5 syntax is SQLite's: refused here.
    public func search(_ query: SearchQuery, limit: Int) throws(ArchiveError) -> [SearchHit] {
        guard query.syntax == .plain else {
            throw .badQuery("FTS5 syntax is SQLite's; PostgreSQL reads plain queries (words, \"phrases\", -word, OR)")
        }
        let tsquery = PostgresSearch.configurations.map { "websearch_to_tsquery('\($0)', $1)" }.joined(separator: " || ")
        let rows = try db.query("""
            SELECT d.id, d.cluster_id, d.title, d.published, d.text, d.text_size, ts_rank(d.search, q) AS rank,
                   (SELECT s.url FROM sightings s WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS url,
                   (SELECT COALESCE(so.title, so.url) FROM sightings s JOIN sources so ON so.id = s.source_id
                    WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS source
            FROM documents d, (SELECT \(tsquery) AS q) query WHERE d.search @@ q ORDER BY rank DESC, d.id LIMIT $2
            """, [.text(query.webSearch), .int(Int64(limit))])
        let terms = query.highlightTerms
        return try rows.map { r throws(ArchiveError) in
            let text = String(decoding: try ZlibCodec.decompress(r.bytes(4)!, expectedSize: Int(r.int(5)!)), as: UTF8.self)
            return SearchHit(id: r.int(0)!, cluster: r.int(1)!, title: r.text(2), published: r.date(3), url: r.text(7),
                             source: r.text(8), snippet: ArchiveStore.snippet(text, terms: terms))
        }
    }
}
