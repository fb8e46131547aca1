/// The bytes of response bodies a `FetchPool` may hold in memory at once, across all its
/// transfers (`fetch.memory_budget_bytes`). A body that would push the total past it is
/// written to a temporary file instead (`ResponseSink`), so memory stays bounded by
/// configuration however many large pages the web serves at once.
///
/// Used only on the pool's thread, as libcurl's callbacks are.
final class BodyBudget {
    let limit: Int
    private(set) var used = 0

    init(limit: Int) { self.limit = limit }

    /// Takes `bytes` from the budget if they fit.
    func reserve(_ bytes: Int) -> Bool {
        guard used + bytes <= limit else { return false }
        used += bytes
        return true
    }

    func release(_ bytes: Int) { used -= bytes }
}
