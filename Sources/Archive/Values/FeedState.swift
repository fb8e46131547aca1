import Foundation

/// What the archive remembers about a source between runs: validators for conditional
/// GET, the last body's hash, and its error record.
public struct FeedState: Sendable, Equatable {
    public var sourceID: Int64
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var lastBodySHA256: String?
    public var lastFetchedAt: Date?
    public var lastStatus: Int?
    public var errorCount: Int
    public var lastError: String?
}
