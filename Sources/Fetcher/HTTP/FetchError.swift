/// A fetch that produced no response. The message names the URL and the reason.
public struct FetchError: Error, CustomStringConvertible, Sendable {
    public var url: String
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "\(url): \(reason)" }
}
