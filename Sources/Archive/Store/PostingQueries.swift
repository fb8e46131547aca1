import Foundation
import GRDB

/// The SQL behind `PostingSource`, for the archive outside a transaction, inside one, and
/// for a rebuild alike.
///
/// `before`, when given, limits everything to documents with a smaller id: a rebuild
/// replays the archive in order, so each document sees only what came before it.
enum PostingQueries {
    static func earliest(_ db: Database, _ kind: IndexKind, _ keys: [UInt64], limit: Int, from: Int64, before: Int64?,
                         pending: PendingIndexKeys?, into lists: inout PostingLists) throws {
        if let held = pending?.held { precondition(limit <= held.perKey, "a lookup of more documents a key than are held") }
        let index = try IndexLookup(db, from: from, before: before, pending: pending)
        index.prefetch(kind, keys)
        for key in keys {
            if limit > 0 {
                var taken = 0
                try index.forEachDocument(kind, key) { document in
                    lists.append(document)
                    taken += 1
                    return taken < limit
                }
            }
            lists.endList()
        }
    }

    /// A document's window time (`PostingSource`), as SQL over `documents`. The index
    /// `documents_window_time` is on this very expression, which is what lets SQLite use it.
    static let windowTimeSQL = "min(coalesce(published, first_seen_at), first_seen_at)"

    // Both read the window-time index (`+id` keeps SQLite from walking the ids instead): the
    // clock is its last entry below the bound, and the first document the lowest id among
    // its entries from `time` on, which are the last windows' documents.
    static func windowClock(_ db: Database, before: Int64?) throws -> Double? {
        let date = try Date.fetchOne(db, sql: """
            SELECT \(windowTimeSQL) FROM documents INDEXED BY documents_window_time WHERE +id < ?
            ORDER BY \(windowTimeSQL) DESC LIMIT 1
            """, arguments: [before ?? Int64.max])
        return date?.timeIntervalSinceReferenceDate
    }

    static func firstDocument(_ db: Database, windowTimeAtLeast time: Double, before: Int64?) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT min(id) FROM documents INDEXED BY documents_window_time WHERE \(windowTimeSQL) >= ? AND +id < ?
            """, arguments: [Date(timeIntervalSinceReferenceDate: time), before ?? Int64.max])
    }

    static func windowTime(_ db: Database, of document: Int64) throws -> Double? {
        try Date.fetchOne(db, sql: "SELECT \(windowTimeSQL) FROM documents WHERE id = ?", arguments: [document])?
            .timeIntervalSinceReferenceDate
    }

    static func clusters(_ db: Database, of documents: [Int64]) throws -> [Int64] {
        let statement = try db.cachedStatement(sql: "SELECT cluster_id FROM documents WHERE id = ?")
        return try documents.map { try Int64.fetchOne(statement, arguments: [$0]) ?? 0 }
    }

    static func candidates(_ db: Database, _ documents: [Int64]) throws -> [Candidate] {
        // The four columns a candidate needs, read by position: decoding a whole
        // `DocumentRecord` (Codable, every column) for each candidate would read and convert
        // columns nobody uses.
        let document = try db.cachedStatement(sql: "SELECT cluster_id, relation, text, text_size FROM documents WHERE id = ?")
        return try documents.compactMap { id -> Candidate? in
            guard let row = try Row.fetchOne(document, arguments: [id]), let cluster = row[0] as Int64? else { return nil }
            return Candidate(documentID: id, clusterID: cluster, isCanonical: row[1] as String == "canonical",
                             text: try ArchiveStore.deferredText(row[2], size: row[3], db))
        }
    }
}
