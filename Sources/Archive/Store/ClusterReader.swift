/// What the cluster views (`clusters list`, `show`, `explain`) read, from one consistent
/// view of a store, SQLite or PostgreSQL alike: clusters, documents, and the duplicate
/// index (`PostingSource`) that `explain` counts fingerprints in.
public protocol ClusterReader: PostingSource {
    /// Clusters with at least `minSize` documents, largest first, then oldest first.
    func clusters(minSize: Int) throws(ArchiveError) -> [ClusterSummary]
    func cluster(_ id: Int64) throws(ArchiveError) -> ClusterSummary
    /// The members of one cluster, canonical first, with the evidence for each.
    func clusterMembers(_ clusterID: Int64) throws(ArchiveError) -> [ClusterMember]
    func text(ofDocument id: Int64) throws(ArchiveError) -> String
    /// One document with its provenance.
    func document(_ id: Int64) throws(ArchiveError) -> DocumentDetail
}

/// A store that can hand out one consistent `ClusterReader` for a sequence of reads.
public protocol ClusterStore: AnyObject {
    func readClusters<T>(_ body: (any ClusterReader) throws -> T) throws -> T
}

extension ArchiveSnapshot: ClusterReader {}

extension ArchiveStore: ClusterStore {
    public func readClusters<T>(_ body: (any ClusterReader) throws -> T) throws -> T {
        try snapshot { try body($0) }
    }
}
