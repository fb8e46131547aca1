import GRDB

/// The archive as a rebuild sees it while replaying document `current`: only documents
/// archived before it exist as candidates, with the clusters already rebuilt for them.
/// Valid only inside `ArchiveStore.rebuildClusters`.
public final class RebuildSession: CandidateIndex {
    let db: Database
    var current: Int64 = 0

    init(_ db: Database) { self.db = db }

    public func candidates(bandKeys: [UInt64], passageHashes: [UInt64], common: Set<UInt64>,
                           minSharedPassages: Int) throws(ArchiveError) -> [Candidate] {
        do {
            return try CandidateQueries.candidates(db, bandKeys: bandKeys, passageHashes: passageHashes, common: common,
                                                   minSharedPassages: minSharedPassages, before: current)
        } catch { throw ArchiveStore.wrap(error) }
    }

    public func commonPassages(_ hashes: [UInt64], clusterLimit: Int) throws(ArchiveError) -> Set<UInt64> {
        do { return try CandidateQueries.commonPassages(db, hashes: hashes, clusterLimit: clusterLimit, before: current) } catch {
            throw ArchiveStore.wrap(error)
        }
    }
}
