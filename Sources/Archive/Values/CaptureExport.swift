import Foundation

/// One raw capture of an exported document, as a WARC writer needs it: what was asked
/// for, what came back (status, headers, the decoded body), when, and which document and
/// cluster it carried.
public struct CaptureExport: Sendable {
    public var captureID: Int64
    public var documentID: Int64
    public var cluster: Int64
    public var relation: String
    public var requestedURL: String
    public var finalURL: String
    public var status: Int
    public var headers: [[String]]
    /// The body's type as archived (`application/x-ndjson` for a corpus line).
    public var contentType: String?
    public var fetchedAt: Date
    public var body: Data
    public var bodySHA256: String
    /// The wire bytes, when the archive has them (see `CaptureInput`); `wireBody` nil means
    /// the body went over the wire as it is.
    public var requestHead: Data?
    public var responseHead: Data?
    public var wireBody: Data?
}
