/// A feed or page that could not be fetched or read: no response, a refused body, or a
/// document that is not a usable feed. The message names the URL and the reason; `kind`
/// says whether trying again later can help.
public struct FetchError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// A timeout, reset or refused connection: worth trying again later.
        case transient
        /// The document itself is the problem (not a feed, too large, a redirect loop).
        case permanent
        /// robots.txt does not allow this agent to fetch the URL.
        case robots
        /// The network policy refused the address (`NetworkPolicy`): trying again cannot help.
        case refused
        /// The run's deadline came first: not a failure of the URL; it waits for the next run.
        case deferred
    }

    public var url: String
    public var reason: String
    public var kind: Kind

    public init(url: String, reason: String, kind: Kind = .permanent) {
        self.url = url
        self.reason = reason
        self.kind = kind
    }

    public var description: String { "\(url): \(reason)" }
}
