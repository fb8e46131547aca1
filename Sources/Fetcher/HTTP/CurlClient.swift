/// Fetches one `http://`, `https://` or `file://` URL at a time: a `FetchPool` of one, for
/// callers that need a single response (the `extract` and import paths, tests).
///
/// Guarantees: those of `FetchPool` (timeouts, size caps, hop-by-hop redirects to http(s)
/// only, retries of transient failures); errors name the URL.
public struct CurlClient: Sendable {
    public let settings: FetchSettings

    public init(settings: FetchSettings = FetchSettings()) {
        self.settings = settings
    }

    public func fetch(_ request: FetchRequest) throws(FetchError) -> Capture {
        try fetchOutcome(request).result.get()
    }

    /// The whole outcome, with where a permanent redirect led.
    public func fetchOutcome(_ request: FetchRequest) -> FetchOutcome {
        let pool = FetchPool(settings: settings)
        var outcome: FetchOutcome?
        pool.submit(request) { outcome = $0 }
        pool.run()
        return outcome!
    }
}
