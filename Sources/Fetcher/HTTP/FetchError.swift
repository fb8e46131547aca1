/// A feed or page that could not be fetched or read: no response, a refused body, or a
/// document that is not a usable feed. The message names the URL and the reason.
public struct FetchError: Error, CustomStringConvertible, Sendable {
    public var url: String
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "\(url): \(reason)" }
}
