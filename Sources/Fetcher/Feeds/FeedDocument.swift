/// A parsed feed: its format, title and site link, and its entries in document order.
///
/// `malformed` is true when the document was not well-formed XML and was read leniently
/// (undeclared HTML entities, unclosed tags); `encoding` is the charset it was decoded from;
/// `warnings` say what was left out of a document that could be read (an entity bomb's
/// expansion), for the caller to report.
public struct FeedDocument: Sendable, Equatable {
    public enum Format: String, Sendable {
        case rss
        case atom
        case rdf
        case json
        /// Microsoft's Channel Definition Format, read for its items; reported as "unknown".
        case cdf
        /// A sitemap `<urlset>` (Google News sitemaps), read as a feed of its URLs.
        case sitemap
    }

    public var format: Format
    public var title: String?
    public var link: String?
    public var entries: [FeedEntry]
    public var malformed = false
    public var encoding = "utf-8"
    /// How often the feed says to look again, in seconds (RSS `<ttl>`, `sy:updatePeriod`).
    public var refreshInterval: Double?
    public var warnings: [String] = []

    public init(format: Format, title: String?, link: String?, entries: [FeedEntry]) {
        self.format = format
        self.title = title
        self.link = link
        self.entries = entries
    }
}
