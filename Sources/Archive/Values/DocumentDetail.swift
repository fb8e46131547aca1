import Foundation

/// A document with its text, cluster and full provenance. This is also one line of the
/// JSONL export.
public struct DocumentDetail: Sendable, Codable, Equatable {
    /// The content type of a capture that is one corpus line (a JSON object), as `import --jsonl` stores it.
    public static let recordContentType = "application/x-ndjson"

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
    /// The corpus line the document was first imported from, byte for byte (the body of its
    /// earliest capture of type `recordContentType`); nil for documents from pages, and
    /// unless asked for. Not a coded key: JSON can only carry it as raw bytes, which
    /// `JSONOutput.exportLine` splices in.
    public var record: Data?

    private enum CodingKeys: String, CodingKey {
        case id, cluster, relation, title, published, language, siteName, canonicalURL, contentHash, firstSeen, wordCount
        case normalizerVersion, text, sightings
    }
}
