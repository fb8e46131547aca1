import Foundation

/// One item of a feed, with links already resolved against the feed's URL (or `xml:base`).
/// `title` and `summary` are plain text; `content` keeps its markup and type, since it is
/// often the whole article.
public struct FeedEntry: Sendable, Equatable {
    public var id: String?
    public var link: String?
    public var title: String?
    public var published: Date?
    /// The entry's own last-update date (Atom `updated`, `dcterms:modified`), never copied from `published`.
    public var updated: Date?
    public var author: String?
    public var summary: String?
    public var content: FeedText?
    /// Enclosures and Media RSS content, in document order.
    public var media: [FeedMedia] = []
    /// The entry's thumbnail image (Media RSS `media:thumbnail`).
    public var thumbnail: String?

    public init(id: String? = nil, link: String? = nil, title: String? = nil, published: Date? = nil,
                summary: String? = nil, content: FeedText? = nil) {
        self.id = id
        self.link = link
        self.title = title
        self.published = published
        self.summary = summary
        self.content = content
    }

    /// The entry's identity across runs: its GUID or id, else its link, else a hash of its
    /// title, summary and content. Never empty. (The archive also finds an entry again by
    /// its link, for feeds that change GUIDs.)
    public var key: String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return link }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(title ?? "")\n\(summary ?? "")\n\(content?.value ?? "")".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "content:" + String(hash, radix: 16)
    }
}
