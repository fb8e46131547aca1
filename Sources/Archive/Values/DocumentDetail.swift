import Foundation

/// A document with its text, cluster and full provenance. This is also one line of the
/// JSONL export.
public struct DocumentDetail: Sendable, Codable, Equatable {
    public var id: Int64
    public var cluster: Int64
    public var relation: String
    public var title: String?
    public var published: Date?
    public var language: String?
    public var siteName: String?
    public var canonicalURL: String?
    public var contentHash: String
    public var firstSeen: Date
    public var wordCount: Int
    /// The normalizer that produced the text (`normalizer/2`); `ingestd renormalize` updates it.
    public var normalizerVersion: String
    public var text: String
    public var sightings: [SightingDetail]
}
