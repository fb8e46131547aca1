import Foundation

/// What the archive remembers about a source between runs: validators for conditional
/// GET, the last body's hash, its error record and its schedule.
///
/// `errorCount` counts failures since the last success; `nextFetchAt` nil means due now;
/// a non-nil `parkedReason` means the feed is not fetched until resumed; `urlFromWeb` says
/// the URL came from the web (a permanent redirect to another host, a page's feed link),
/// not from the operator.
public struct FeedState: Sendable, Equatable, Codable {
    public var sourceID: Int64
    public var url: String
    public var kind: String
    public var title: String?
    public var etag: String?
    public var lastModified: String?
    public var lastBodySHA256: String?
    public var lastFetchedAt: Date?
    public var lastStatus: Int?
    public var errorCount: Int
    public var lastError: String?
    public var nextFetchAt: Date?
    public var intervalSeconds: Double?
    public var parkedReason: String?
    public var urlFromWeb = false
}
