/// Limits and identity for every request. Defaults:
/// - `userAgent` names the project and a contact, so site owners can reach the operator;
/// - `connectTimeout` 10 s, `totalTimeout` 60 s, and an abort when fewer than
///   `lowSpeedBytes` (1,000) bytes/s arrive for `lowSpeedSeconds` (20 s): no fetch hangs;
/// - `maxRedirects` 8;
/// - `maxBodyBytes` 32 MiB, enforced on the decoded body while it streams in.
public struct FetchSettings: Sendable, Equatable {
    public var userAgent = "ingestd/0.1 (+https://example.org/ingestd; ops@example.org)"
    public var connectTimeout = 10
    public var totalTimeout = 60
    public var lowSpeedBytes = 1_000
    public var lowSpeedSeconds = 20
    public var maxRedirects = 8
    public var maxBodyBytes = 32 << 20

    public init() {}
}
