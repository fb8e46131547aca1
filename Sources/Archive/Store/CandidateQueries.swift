import Foundation
import GRDB

/// The SQL behind `CandidateIndex`, for the live archive and for a rebuild alike.
///
/// `before`, when given, limits everything to documents with a smaller id: a rebuild
/// replays the archive in order, so each document sees only what came before it.
enum CandidateQueries {
    /// The postings `commonPassages` read for fingerprints with too few of them to be common:
    /// all of their documents, so `candidates` need not look them up a second time.
    struct KnownPostings {
        var before: Int64?
        var documents: [UInt64: [Int64]] = [:]
    }

    static func candidates(_ db: Database, bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                           minSharedPassages: Int, bucketLimit: Int, before: Int64?,
                           known: KnownPostings? = nil, filter: KeyFilter? = nil) throws -> [Candidate] {
        let bound = before ?? Int64.max
        var ids = Set<Int64>()
        let byBand = try db.cachedStatement(sql: """
            SELECT document_id FROM minhash_bands WHERE band = ? AND key = ? AND document_id < ?
            ORDER BY document_id LIMIT ?
            """)
        for (band, key) in bandKeys.enumerated() where filter?.mayHold(KeyFilter.band(band, key)) ?? true {
            ids.formUnion(try Int64.fetchAll(byBand, arguments: [band, Int64(bitPattern: key), bound, bucketLimit]))
        }
        var shared: [Int64: Int] = [:]
        let byPassage = try db.cachedStatement(sql: """
            SELECT document_id FROM passage_postings WHERE hash = ? AND document_id < ? ORDER BY document_id LIMIT ?
            """)
        let reuse = known.flatMap { $0.before == before ? $0.documents : nil }
        for hash in passageHashes where !common.contains(hash) && filter?.mayHold(hash) ?? true {
            let documents = try reuse?[hash].map { Array($0.prefix(bucketLimit)) }
                ?? Int64.fetchAll(byPassage, arguments: [Int64(bitPattern: hash), bound, bucketLimit])
            for id in documents { shared[id, default: 0] += 1 }
        }
        ids.formUnion(shared.filter { $0.value >= minSharedPassages }.keys)
        return try ids.sorted().compactMap { id -> Candidate? in
            guard let doc = try DocumentRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM documents WHERE id = ?"), arguments: [id]),
                  let cluster = doc.clusterID else { return nil }
            return Candidate(documentID: id, clusterID: cluster, isCanonical: doc.relation == "canonical",
                             text: try ArchiveStore.deferredText(of: doc, db))
        }
    }

    /// The common fingerprints among `hashes`. A fingerprint with at most `clusterLimit`
    /// postings cannot be in more clusters than that: one short read of its postings settles
    /// it (and is kept in `known`); only the others are counted by cluster.
    static func commonPassages(_ db: Database, hashes: [UInt64], clusterLimit: Int, before: Int64?,
                               known: inout KnownPostings, filter: KeyFilter? = nil) throws -> Set<UInt64> {
        known = KnownPostings(before: before)
        let bound = before ?? Int64.max
        let firstPostings = try db.cachedStatement(sql: """
            SELECT document_id FROM passage_postings WHERE hash = ? AND document_id < ? ORDER BY document_id LIMIT ?
            """)
        // DISTINCT with LIMIT stops reading postings once clusterLimit + 1 clusters are seen.
        let clusters = try db.cachedStatement(sql: """
            SELECT COUNT(*) FROM (
                SELECT DISTINCT d.cluster_id FROM passage_postings p JOIN documents d ON d.id = p.document_id
                WHERE p.hash = ? AND p.document_id < ? LIMIT ?)
            """)
        var out = Set<UInt64>()
        for hash in hashes {
            guard filter?.mayHold(hash) ?? true else {
                known.documents[hash] = []
                continue
            }
            let key = Int64(bitPattern: hash)
            let documents = try Int64.fetchAll(firstPostings, arguments: [key, bound, clusterLimit + 1])
            guard documents.count > clusterLimit else {
                known.documents[hash] = documents
                continue
            }
            let seen = try Int.fetchOne(clusters, arguments: [key, bound, clusterLimit + 1]) ?? 0
            if seen > clusterLimit { out.insert(hash) }
        }
        return out
    }
}
