import Foundation

/// One response as it arrived: the URL asked for and the one answered after redirects,
/// status, headers, body bytes (already decoded from gzip/deflate) and the fetch time.
///
/// A `file://` URL that could be read has status 200. A 304 has an empty body.
///
/// The wire bytes, when the response came over HTTP: `requestHead` as sent,
/// `responseHead` (status line and header lines, CRLFs and the blank line included) as
/// received, and `wireBody`, the body before transfer and content decoding, only when it
/// differs from `body`. Together they are the exchange as an archivist's WARC records it.
public struct Capture: Sendable {
    public var requestedURL: String
    public var finalURL: String
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    public var fetchedAt: Date
    public var requestHead: Data?
    public var responseHead: Data?
    public var wireBody: Data?

    public init(requestedURL: String, finalURL: String, status: Int, headers: [(name: String, value: String)],
                body: Data, fetchedAt: Date, requestHead: Data? = nil, responseHead: Data? = nil, wireBody: Data? = nil) {
        self.requestHead = requestHead
        self.responseHead = responseHead
        self.wireBody = wireBody
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
        self.fetchedAt = fetchedAt
    }

    /// The last value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var etag: String? { header("ETag") }
    public var lastModified: String? { header("Last-Modified") }
    public var contentType: String? { header("Content-Type") }
    public var isNotModified: Bool { status == 304 }

    /// How long the response says it stays fresh: `Cache-Control: max-age`, else `Expires`.
    public var cacheLifetime: Double? {
        if let control = header("Cache-Control"),
           let part = control.split(separator: ",").first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("max-age=") }),
           let seconds = Double(part.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? "") {
            return seconds
        }
        return header("Expires").flatMap { RetryPolicy.seconds($0, now: fetchedAt) }.map { max($0, 0) }
    }

    /// `Retry-After` as seconds from when the response arrived.
    public var retryAfter: Double? { header("Retry-After").flatMap { RetryPolicy.seconds($0, now: fetchedAt) } }
    public var isSuccess: Bool { (200..<300).contains(status) }
    /// A status worth asking again for later (5xx, 429, 408), not a lasting refusal.
    public var isTransientFailure: Bool { RetryPolicy.isTransient(status: status) }
}
