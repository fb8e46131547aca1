/// A parsed feed: its format, title and site link, and its entries in document order.
public struct FeedDocument: Sendable, Equatable {
    public enum Format: String, Sendable {
        case rss
        case atom
        case rdf
    }

    public var format: Format
    public var title: String?
    public var link: String?
    public var entries: [FeedEntry]
}
