import Foundation

/// A member of a cluster with the evidence that put it there.
public struct ClusterMember: Sendable, Codable, Equatable {
    public var documentID: Int64
    public var title: String?
    public var relation: String
    public var firstSeen: Date
    public var published: Date?
    /// The sources (feed URLs, imported paths or JSONL files) it was seen through.
    public var sources: [String]
    public var urls: [String]
    /// The relation measured when this member joined (nil for the canonical).
    public var evidence: RelationEvidence?
}

/// A stored relation: to which document, how similar, and the shared passages as JSON.
public struct RelationEvidence: Sendable, Codable, Equatable {
    public var otherID: Int64
    public var kind: String
    public var jaccard: Double
    public var containment: Double
    public var passagesJSON: String
}
