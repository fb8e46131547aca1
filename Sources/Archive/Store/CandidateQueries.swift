import Foundation
import GRDB

/// The SQL behind `CandidateIndex`, for the live archive and for a rebuild alike.
///
/// `before`, when given, limits everything to documents with a smaller id: a rebuild
/// replays the archive in order, so each document sees only what came before it.
enum CandidateQueries {
    static func candidates(_ db: Database, bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                           minSharedPassages: Int, before: Int64?) throws -> [Candidate] {
        let bound = before ?? Int64.max
        var ids = Set<Int64>()
        let byBand = try db.cachedStatement(sql: "SELECT document_id FROM minhash_bands WHERE band = ? AND key = ? AND document_id < ?")
        for (band, key) in bandKeys.enumerated() {
            ids.formUnion(try Int64.fetchAll(byBand, arguments: [band, Int64(bitPattern: key), bound]))
        }
        var shared: [Int64: Int] = [:]
        let distinctive = passageHashes.filter { !common.contains($0) }.map { Int64(bitPattern: $0) }
        for chunk in chunks(distinctive) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT document_id, COUNT(*) AS n FROM passage_postings
                WHERE hash IN (\(databaseQuestionMarks(count: chunk.count))) AND document_id < ? GROUP BY document_id
                """, arguments: StatementArguments(chunk) + [bound])
            for row in rows { shared[row["document_id"], default: 0] += row["n"] as Int }
        }
        ids.formUnion(shared.filter { $0.value >= minSharedPassages }.keys)
        return try ids.sorted().compactMap { id -> Candidate? in
            guard let doc = try DocumentRecord.fetchOne(db, key: id), let cluster = doc.clusterID else { return nil }
            return Candidate(documentID: id, clusterID: cluster, isCanonical: doc.relation == "canonical",
                             text: doc.decodedText)
        }
    }

    static func commonPassages(_ db: Database, hashes: [UInt64], clusterLimit: Int, before: Int64?) throws -> Set<UInt64> {
        var out = Set<UInt64>()
        for chunk in chunks(hashes.map { Int64(bitPattern: $0) }) {
            let common = try Int64.fetchAll(db, sql: """
                SELECT p.hash FROM passage_postings p JOIN documents d ON d.id = p.document_id
                WHERE p.hash IN (\(databaseQuestionMarks(count: chunk.count))) AND p.document_id < ?
                GROUP BY p.hash HAVING COUNT(DISTINCT d.cluster_id) > ?
                """, arguments: StatementArguments(chunk) + [before ?? Int64.max, clusterLimit])
            out.formUnion(common.map { UInt64(bitPattern: $0) })
        }
        return out
    }

    /// SQLite allows a bounded number of parameters per statement.
    private static func chunks(_ values: [Int64]) -> [[Int64]] {
        stride(from: 0, to: values.count, by: 500).map { Array(values[$0..<min($0 + 500, values.count)]) }
    }
}
