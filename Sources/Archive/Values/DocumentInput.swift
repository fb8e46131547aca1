import Foundation

/// A new canonical text with its metadata and duplicate-index keys.
public struct DocumentInput: Sendable {
    public var contentHash: String
    public var text: String
    public var title: String?
    public var published: Date?
    public var language: String?
    public var siteName: String?
    public var canonicalURL: String?
    public var wordCount: Int
    public var bandKeys: [UInt64]
    public var passageHashes: [UInt64]
    public var normalizerVersion: String
    /// The archived document whose text is most like this one, if the matcher compared
    /// any: the text is compressed against it when it joins no cluster.
    public var nearestID: Int64?
    /// Its text and capture compressed beforehand (`BlobPreparer`), if they were.
    public var prepared: PreparedBlobs?

    public init(contentHash: String, text: String, title: String?, published: Date?, language: String?,
                siteName: String?, canonicalURL: String?, wordCount: Int,
                bandKeys: [UInt64], passageHashes: [UInt64], normalizerVersion: String, nearestID: Int64? = nil,
                prepared: PreparedBlobs? = nil) {
        self.contentHash = contentHash
        self.text = text
        self.title = title
        self.published = published
        self.language = language
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.wordCount = wordCount
        self.bandKeys = bandKeys
        self.passageHashes = passageHashes
        self.normalizerVersion = normalizerVersion
        self.nearestID = nearestID
        self.prepared = prepared
    }
}
