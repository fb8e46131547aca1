import Foundation

/// One time a text was seen: through which source and entry, at which URL, and the
/// HTTP facts of the capture that carried it.
public struct SightingDetail: Sendable, Codable, Equatable {
    public var source: String
    public var sourceKind: String
    public var entryKey: String
    public var url: String
    public var finalURL: String
    public var seenAt: Date
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    public var captureID: Int64
    public var captureSHA256: String
}
