/// One sighting's place in the clustering: which entry (feed entry id, file URL or JSONL id)
/// landed in which cluster, and how.
///
/// `relation` is the document's relation to its cluster for the document's first sighting,
/// and `exact` for every later sighting of the same text.
public struct Membership: Sendable, Equatable {
    public var entryKey: String
    public var sourceKind: String
    public var documentID: Int64
    public var clusterID: Int64
    public var relation: String
}
