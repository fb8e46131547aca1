import Foundation

/// The capture a document was first seen through, as `renormalize` hands it to the normalizer.
public struct StoredCapture: Sendable {
    public let body: Data
    public let contentType: String?
    public let finalURL: String
}

/// A document's text and metadata as the current normalizer reads its capture again.
public struct RenormalizedText: Sendable {
    public var text: String
    public var contentHash: String
    public var wordCount: Int
    public var title: String?
    public var published: Date?
    public var language: String?
    public var siteName: String?
    public var canonicalURL: String?
    public var normalizerVersion: String

    public init(text: String, contentHash: String, wordCount: Int, title: String?, published: Date?, language: String?,
                siteName: String?, canonicalURL: String?, normalizerVersion: String) {
        (self.text, self.contentHash, self.wordCount, self.title, self.published) = (text, contentHash, wordCount, title, published)
        (self.language, self.siteName, self.canonicalURL, self.normalizerVersion) = (language, siteName, canonicalURL, normalizerVersion)
    }
}

/// What `renormalize` did: documents read again, texts that changed, documents merged into an
/// identical one, and the clusters after the replay.
public struct RenormalizeSummary: Sendable {
    public var examined = 0
    public var changed = 0
    public var merged = 0
    public var clusters = 0
}
