/// How one submitted fetch ended: the final response (any status, after redirects and
/// retries) or the error that stopped it.
public struct FetchOutcome: Sendable {
    public var request: FetchRequest
    public var result: Result<Capture, FetchError>
    /// Set when the URL moved and every redirect on the way was permanent (301 or 308):
    /// the URL to ask for from now on. Temporary redirects (302, 303, 307) leave it nil.
    public var movedPermanentlyTo: String?
    /// Attempts made for the last hop, counting the first.
    public var attempts: Int
}
