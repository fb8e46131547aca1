import Foundation

/// One capture as `archive copy` moves it (the whole row): every fact the archive keeps of it, with its
/// bodies decoded, so the target stores them in its own encoding.
public struct CaptureRow: Sendable {
    public var id: Int64
    /// nil when it is `finalURL` (no redirect).
    public var requestedURL: String?
    public var finalURL: String
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// The response headers as archived (a JSON array of `[name, value]` pairs).
    public var headersJSON: String
    public var fetchedAt: Date
    public var bodySHA256: String
    public var bodySize: Int
    /// The body; empty when `bodyKept` is false (a capture restored from a JSONL export,
    /// whose facts and hash are known but not its bytes).
    public var body: Data
    public var bodyKept: Bool
    /// The document whose text the body was compressed against, when the store did so: the
    /// one first archived from this capture (SQLite's `body_base_id`).
    public var baseDocumentID: Int64?
    public var requestHead: Data?
    public var responseHead: Data?
    public var wireBody: Data?

    public init(id: Int64, requestedURL: String?, finalURL: String, status: Int, contentType: String?, etag: String?,
                lastModified: String?, headersJSON: String, fetchedAt: Date, bodySHA256: String, bodySize: Int, body: Data,
                bodyKept: Bool, baseDocumentID: Int64?, requestHead: Data?, responseHead: Data?, wireBody: Data?) {
        self.id = id
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.headersJSON = headersJSON
        self.fetchedAt = fetchedAt
        self.bodySHA256 = bodySHA256
        self.bodySize = bodySize
        self.body = body
        self.bodyKept = bodyKept
        self.baseDocumentID = baseDocumentID
        self.requestHead = requestHead
        self.responseHead = responseHead
        self.wireBody = wireBody
    }
}
