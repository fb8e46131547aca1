import Foundation

/// A fetched or read response to store as provenance (the body is compressed on write).
/// `requestHead`, `responseHead` and `wireBody` are the exchange's wire bytes, when it
/// came over HTTP (see `Capture` in the Fetcher); `wireBody` only when it differs from `body`.
public struct CaptureInput: Sendable {
    public var requestedURL: String
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var headers: [[String]]
    public var fetchedAt: Date
    public var body: Data
    public var requestHead: Data?
    public var responseHead: Data?
    public var wireBody: Data?

    public init(requestedURL: String, finalURL: String, status: Int, contentType: String?, etag: String?,
                lastModified: String?, headers: [[String]], fetchedAt: Date, body: Data,
                requestHead: Data? = nil, responseHead: Data? = nil, wireBody: Data? = nil) {
        self.requestHead = requestHead
        self.responseHead = responseHead
        self.wireBody = wireBody
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.headers = headers
        self.fetchedAt = fetchedAt
        self.body = body
    }
}
