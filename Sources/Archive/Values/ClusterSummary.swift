import Foundation

/// One duplicate cluster at a glance: its canonical document and how many copies it has.
public struct ClusterSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var size: Int
    public var canonicalDocumentID: Int64
    public var title: String?
    public var firstSeen: Date
    /// Relations of the non-canonical members to the cluster, strongest first by name.
    public var relations: [String]
    public var sources: Int
}
