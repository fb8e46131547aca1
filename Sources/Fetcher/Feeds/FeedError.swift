/// A feed that could not be read. The message names the feed's URL and the reason.
public struct FeedError: Error, CustomStringConvertible, Sendable {
    public var url: String
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "\(url): \(reason)" }
}
