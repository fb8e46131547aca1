import Foundation
import GRDB

extension ArchiveStore {
    /// Archived documents that share an LSH band with `bandKeys`, or at least
    /// `minSharedPassages` passage fingerprints (ignoring `common` ones), with their texts.
    ///
    /// Cost: one indexed lookup per band and per fingerprint batch; independent of how many
    /// documents are archived except through the candidates actually returned.
    public func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                           minSharedPassages: Int) throws(ArchiveError) -> [Candidate] {
        try read { db in
            var ids = Set<Int64>()
            let byBand = try db.cachedStatement(sql: "SELECT document_id FROM minhash_bands WHERE band = ? AND key = ?")
            for (band, key) in bandKeys.enumerated() {
                ids.formUnion(try Int64.fetchAll(byBand, arguments: [band, Int64(bitPattern: key)]))
            }
            var shared: [Int64: Int] = [:]
            let distinctive = passageHashes.filter { !common.contains($0) }.map { Int64(bitPattern: $0) }
            for chunk in stride(from: 0, to: distinctive.count, by: 500).map({ Array(distinctive[$0..<min($0 + 500, distinctive.count)]) }) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT document_id, COUNT(*) AS n FROM passage_postings
                    WHERE hash IN (\(databaseQuestionMarks(count: chunk.count))) GROUP BY document_id
                    """, arguments: StatementArguments(chunk))
                for row in rows { shared[row["document_id"], default: 0] += row["n"] as Int }
            }
            ids.formUnion(shared.filter { $0.value >= minSharedPassages }.keys)
            return try ids.sorted().compactMap { id -> Candidate? in
                guard let doc = try DocumentRecord.fetchOne(db, key: id), let cluster = doc.clusterID else { return nil }
                return Candidate(documentID: id, clusterID: cluster, isCanonical: doc.relation == "canonical",
                                 text: try doc.decodedText())
            }
        }
    }

    /// The fingerprints among `hashes` already seen in more than `clusterLimit` clusters:
    /// stock phrases and boilerplate rather than evidence of a shared story.
    public func commonPassages(_ hashes: [UInt64], clusterLimit: Int) throws(ArchiveError) -> Set<UInt64> {
        try read { db in
            var out = Set<UInt64>()
            let values = hashes.map { Int64(bitPattern: $0) }
            for start in stride(from: 0, to: values.count, by: 500) {
                let chunk = Array(values[start..<min(start + 500, values.count)])
                let common = try Int64.fetchAll(db, sql: """
                    SELECT p.hash FROM passage_postings p JOIN documents d ON d.id = p.document_id
                    WHERE p.hash IN (\(databaseQuestionMarks(count: chunk.count)))
                    GROUP BY p.hash HAVING COUNT(DISTINCT d.cluster_id) > ?
                    """, arguments: StatementArguments(chunk) + [clusterLimit])
                out.formUnion(common.map { UInt64(bitPattern: $0) })
            }
            return out
        }
    }
}
