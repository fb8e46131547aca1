import GRDB

/// One consistent view of the archive for a sequence of reads: everything read through it
/// comes from one SQLite read transaction, so what a run commits meanwhile is in none of
/// it, and a listing built from many queries (clusters, then each one's members and
/// texts) agrees with itself. Get one from `ArchiveStore.snapshot`; it is valid only inside
/// that call.
public struct ArchiveSnapshot: PostingQueryRunner {
    let db: Database

    /// Clusters with at least `minSize` documents, largest first, then oldest first.
    public func clusters(minSize: Int = 2) throws(ArchiveError) -> [ClusterSummary] {
        try reading { try ArchiveStore.summaries(db, where: "1", having: minSize, arguments: []) }
    }

    /// One cluster's summary.
    public func cluster(_ id: Int64) throws(ArchiveError) -> ClusterSummary {
        try reading { try ArchiveStore.cluster(id, db) }
    }

    /// The members of one cluster, canonical first, with the evidence for each.
    public func clusterMembers(_ clusterID: Int64) throws(ArchiveError) -> [ClusterMember] {
        try reading { try ArchiveStore.members(ofCluster: clusterID, db) }
    }

    /// One document, whole.
    public func document(_ id: Int64) throws(ArchiveError) -> DocumentDetail {
        try reading { try ArchiveStore.document(id, db) }
    }

    /// One document's text alone.
    public func text(ofDocument id: Int64) throws(ArchiveError) -> String {
        try reading { try ArchiveStore.text(ofDocument: id, db) }
    }

    func runPostingQuery<T>(_ body: (Database, Int64?, PendingIndexKeys?) throws -> T) throws(ArchiveError) -> T {
        try reading { try body(db, nil, nil) }
    }

    private func reading<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do { return try body() } catch { throw ArchiveStore.wrap(error) }
    }
}

extension ArchiveStore {
    /// Runs `body` with one consistent view of the archive (see `ArchiveSnapshot`). Errors
    /// of the archive come out as `ArchiveError`; `body`'s own errors as they were thrown.
    public func snapshot<T>(_ body: (ArchiveSnapshot) throws -> T) throws -> T {
        do { return try pool.read { db in try body(ArchiveSnapshot(db: db)) } } catch let error as DatabaseError {
            throw named(Self.wrap(error))
        }
    }
}
