import Foundation

/// One raw capture, as a WARC writer needs it: what was asked for, what came back (status,
/// headers, the decoded body), when, and either which document and cluster it carried or
/// which feed it is a body of.
public struct CaptureExport: Sendable {
    /// What a capture is a capture of.
    public enum Subject: Sendable {
        case document(id: Int64, cluster: Int64, relation: String)
        case feed(url: String)
    }

    public var captureID: Int64
    public var subject: Subject
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
