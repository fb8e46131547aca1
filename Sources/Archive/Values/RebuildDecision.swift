/// What a rebuild decides for one document: its fresh index keys, the
/// relations it has with earlier documents, and its cluster.
public struct RebuildDecision: Sendable {
    public var bandKeys: [UInt64]
    public var passageHashes: [UInt64]
    public var relations: [RelationInput]
    public var cluster: ClusterChoice

    public init(bandKeys: [UInt64], passageHashes: [UInt64], relations: [RelationInput],
                cluster: ClusterChoice) {
        self.bandKeys = bandKeys
        self.passageHashes = passageHashes
        self.relations = relations
        self.cluster = cluster
    }
}
