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
                           known: KnownPostings? = nil, pending: PendingIndexKeys? = nil) throws -> [Candidate] {
        let index = try IndexLookup(db, before: before, pending: pending)
        var ids = Set<Int64>()
        for (band, key) in bandKeys.enumerated() {
            ids.formUnion(try index.earliest(.band, IndexKind.bandKey(band, key), limit: bucketLimit))
        }
        var shared: [Int64: Int] = [:]
        let reuse = known.flatMap { $0.before == before ? $0.documents : nil }
        for hash in passageHashes where !common.contains(hash) {
            let documents = try reuse?[hash].map { Array($0.prefix(bucketLimit)) }
                ?? index.earliest(.passage, hash, limit: bucketLimit)
            for id in documents { shared[id, default: 0] += 1 }
        }
        ids.formUnion(shared.filter { $0.value >= minSharedPassages }.keys)
        // The four columns a candidate needs, read by position: decoding a whole
        // `DocumentRecord` (Codable, every column) for each candidate would read and convert
        // columns nobody uses.
        let document = try db.cachedStatement(sql: "SELECT cluster_id, relation, text, text_size FROM documents WHERE id = ?")
        return try ids.sorted().compactMap { id -> Candidate? in
            guard let row = try Row.fetchOne(document, arguments: [id]), let cluster = row[0] as Int64? else { return nil }
            return Candidate(documentID: id, clusterID: cluster, isCanonical: row[1] as String == "canonical",
                             text: try ArchiveStore.deferredText(row[2], size: row[3], db))
        }
    }

    /// The common fingerprints among `hashes`. A fingerprint with at most `clusterLimit`
    /// postings cannot be in more clusters than that: one short read of its postings settles
    /// it (and is kept in `known`); only the others are counted by cluster.
    static func commonPassages(_ db: Database, hashes: [UInt64], clusterLimit: Int, before: Int64?,
                               known: inout KnownPostings, pending: PendingIndexKeys? = nil) throws -> Set<UInt64> {
        known = KnownPostings(before: before)
        let index = try IndexLookup(db, before: before, pending: pending)
        let clusterOf = try db.cachedStatement(sql: "SELECT cluster_id FROM documents WHERE id = ?")
        var out = Set<UInt64>()
        for hash in hashes {
            let documents = try index.earliest(.passage, hash, limit: clusterLimit + 1)
            guard documents.count > clusterLimit else {
                known.documents[hash] = documents
                continue
            }
            // Counted in clusters, reading postings only until there are more than the limit.
            var seen = Set<Int64?>()
            try index.forEachDocument(.passage, hash) { document in
                seen.insert(try Int64?.fetchOne(clusterOf, arguments: [document]) ?? nil)
                return seen.count <= clusterLimit
            }
            if seen.count > clusterLimit { out.insert(hash) }
        }
        return out
    }
}
