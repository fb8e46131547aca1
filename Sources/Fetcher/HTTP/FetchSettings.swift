/// Limits, identity and politeness for every request. Defaults:
/// - `userAgent` names the project and a contact, so site owners can reach the operator;
/// - `connectTimeout` 10 s, `totalTimeout` 60 s, and an abort when fewer than
///   `lowSpeedBytes` (1,000) bytes/s arrive for `lowSpeedSeconds` (20 s): no fetch hangs;
/// - `maxRedirects` 8;
/// - `maxBodyBytes` 32 MiB, enforced on the decoded body while it streams in;
/// - `maxConcurrent` 256 transfers at once, at most `perHostConcurrent` (2) to one host,
///   whose requests start at least `perHostDelay` (0.2 s) apart, or robots.txt's
///   `Crawl-delay` when that is longer (capped at `maxCrawlDelay`, 30 s);
/// - `retries` 2 more attempts after a transient failure (5xx, 429, timeout, reset),
///   `retryBaseDelay` (1 s) doubled each time with up to 50 % jitter, or the server's
///   `Retry-After` when it asks for no more than `maxRetryAfter` (120 s);
/// - `memoryBudgetBytes` 64 MiB: response bodies held in memory across all transfers at
///   once; past it, bodies stream to temporary files (`BodyBudget`);
/// - `networkPolicy`: URLs found on the web never reach loopback, private, link-local or
///   other special-purpose addresses, unless `allow_networks` lists them (`NetworkPolicy`);
/// - `runDeadline`: none by default; when set, a pool starts nothing after that many
///   seconds and stops what is still running (see `FetchPool`);
/// - `obeyRobots`: article pages are fetched only where robots.txt allows this agent;
///   a robots.txt kept in a `RobotsCache` is trusted for `robotsMaxAge` (a day).
public struct FetchSettings: Sendable, Equatable {
    public var userAgent = "ingestd/0.1 (+https://example.org/ingestd; ops@example.org)"
    public var connectTimeout = 10
    public var totalTimeout = 60
    public var lowSpeedBytes = 1_000
    public var lowSpeedSeconds = 20
    public var maxRedirects = 8
    public var maxBodyBytes = 32 << 20
    public var memoryBudgetBytes = 64 << 20
    public var networkPolicy = NetworkPolicy()
    public var runDeadline: Double?
    public var maxConcurrent = 256
    public var perHostConcurrent = 2
    public var perHostDelay = 0.2
    public var maxCrawlDelay = 30.0
    public var retries = 2
    public var retryBaseDelay = 1.0
    public var maxRetryAfter = 120.0
    public var obeyRobots = true
    /// How long a robots.txt kept in a `RobotsCache` is trusted (a day).
    public var robotsMaxAge = 86_400.0

    public init() {}

    /// The product token robots.txt groups are matched against ("ingestd").
    public var robotsToken: String {
        String(userAgent.prefix { $0 != "/" && $0 != " " }).lowercased()
    }
}
