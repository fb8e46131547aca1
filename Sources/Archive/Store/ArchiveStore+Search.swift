import Foundation
import GRDB

/// Full-text search over titles and texts with SQLite FTS5.
///
/// The index is contentless (`content=''`): texts are stored once, compressed, in
/// `documents`, and the index keeps only its postings, so search costs little space. It is
/// kept in step in the write path: a document is indexed when inserted, and unindexed with
/// its old title and text before those change (renormalize) or it goes (a merge).
extension ArchiveStore {
    /// Documents matching `query` (see `SearchQuery`), best first (bm25), each with its first
    /// sighting's URL and source.
    public func search(_ query: SearchQuery, limit: Int) throws(ArchiveError) -> [SearchHit] {
        guard let match = query.fts5 else { return [] }
        return try read { db in
            let rows: [Row]
            do {
                rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT d.id, d.cluster_id, d.title, d.published, d.text, d.text_size,
                           (SELECT COALESCE(s.url, c.final_url) FROM sightings s JOIN captures c ON c.id = s.capture_id
                            WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS url,
                           (SELECT COALESCE(so.title, so.url) FROM sightings s JOIN sources so ON so.id = s.source_id
                            WHERE s.document_id = d.id ORDER BY s.id LIMIT 1) AS source
                    FROM documents_fts f JOIN documents d ON d.id = f.rowid
                    WHERE documents_fts MATCH ? ORDER BY f.rank LIMIT ?
                    """), arguments: [match, limit])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                throw ArchiveError.badQuery("\(error.message ?? "syntax error") in \(query.text)")
            }
            let terms = query.highlightTerms
            return try rows.map { row in
                let text = String(decoding: try Self.decodeText(row["text"], size: row["text_size"], db), as: UTF8.self)
                return SearchHit(id: row["id"], cluster: row["cluster_id"] ?? row["id"], title: row["title"],
                                 published: row["published"], url: row["url"], source: row["source"],
                                 snippet: Self.snippet(text, terms: terms))
            }
        }
    }

    /// Rows for the search index, written together at the end of a transaction: once FTS5
    /// has been written in a transaction, every later statement of it pays for an FTS5
    /// savepoint, so rows written one document at a time would tax every write after them.
    final class SearchRows {
        private var rows: [(Int64, String?, String)] = []

        func append(_ id: Int64, title: String?, text: String) { rows.append((id, title, text)) }

        func flush(_ db: Database) throws {
            for (id, title, text) in rows { try indexForSearch(id, title: title, text: text, db) }
            rows = []
        }
    }

    static func indexForSearch(_ id: Int64, title: String?, text: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)").execute(arguments: [id, title ?? "", text])
    }

    /// Removes a document's postings; a contentless index needs the values it was given.
    static func unindexForSearch(_ id: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, text, text_size FROM documents WHERE id = ?"), arguments: [id]) else { return }
        let text = String(decoding: try decodeText(row["text"], size: row["text_size"], db), as: UTF8.self)
        try db.cachedStatement(sql: "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)").execute(arguments: [id, (row["title"] as String?) ?? "", text])
    }

    /// About 30 words around the first word that starts with a term, with ellipses where the
    /// text goes on; every such word marked `**word**`.
    static func snippet(_ text: String, terms: [String]) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        func matches(_ word: Substring) -> Bool {
            let bare = word.lowercased().drop { !$0.isLetter && !$0.isNumber }
            return terms.contains { bare.hasPrefix($0) }
        }
        let hit = words.firstIndex(where: matches) ?? 0
        let start = max(0, hit - 10), end = min(words.count, hit + 20)
        let shown = words[start..<end].map { matches($0) ? "**\($0)**" : String($0) }
        return (start > 0 ? "… " : "") + shown.joined(separator: " ") + (end < words.count ? " …" : "")
    }
}
