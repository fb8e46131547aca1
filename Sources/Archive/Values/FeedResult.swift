import Foundation

/// How one fetch of a feed ended, as the archive records it.
public enum FeedResult: Sendable {
    /// Fetched (or answered 304): validators and body hash to keep (nil keeps the old),
    /// the feed's own refresh hint, and when to fetch it next.
    case success(status: Int, title: String?, etag: String?, lastModified: String?, bodySHA256: String?,
                 intervalSeconds: Double?, nextFetchAt: Date)
    /// Failed: the error, when to try next, and a reason to park the feed when it has failed too often.
    case failure(status: Int?, error: String, nextFetchAt: Date, parkReason: String?)
}
