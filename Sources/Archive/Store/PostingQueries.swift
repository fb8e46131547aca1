import Foundation
import GRDB

/// The SQL behind `PostingSource`, for the archive outside a transaction, inside one, and
/// for a rebuild alike.
///
/// `before`, when given, limits everything to documents with a smaller id: a rebuild
/// replays the archive in order, so each document sees only what came before it.
enum PostingQueries {
    static func earliest(_ db: Database, _ kind: IndexKind, _ keys: [UInt64], limit: Int, before: Int64?,
                         pending: PendingIndexKeys?, into lists: inout PostingLists) throws {
        let index = try IndexLookup(db, before: before, pending: pending)
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
