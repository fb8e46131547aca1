/// A store whose relations and clusters `clusters rebuild` can recompute, SQLite or
/// PostgreSQL alike (see `ArchiveStore.rebuildClusters` for what each guarantees).
public protocol ClusterRebuilder: AnyObject {
    /// Replays every document in id order: `decide` is called once per document with the
    /// index as the documents before it left it; returns the number of clusters.
    func rebuildClusters(
        indexScheme: String, _ decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> Int
}
