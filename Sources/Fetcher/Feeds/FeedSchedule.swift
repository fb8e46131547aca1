import Foundation

/// When each feed is fetched next, so that a cron run every few minutes fetches only what
/// is due, and a feed that keeps failing is asked less often and finally parked.
///
/// - After a success: `interval` (15 minutes by default), lengthened to the feed's own
///   hint (RSS `<ttl>`, `sy:updatePeriod`/`sy:updateFrequency`) or the response's cache
///   lifetime (`Cache-Control: max-age`, `Expires`) when those ask for longer, and never
///   past `maxInterval` (a day).
/// - After the n-th failure in a row: `interval` × 2^(n−1), at most `maxInterval`, or the
///   server's `Retry-After` when that is later.
/// - At `parkAfterFailures` failures in a row (10) the feed is parked, with the last error
///   as the reason, until an operator resumes it (`ingestd feeds add`).
public struct FeedSchedule: Sendable, Equatable {
    public var interval: Double = 900
    public var maxInterval: Double = 86_400
    public var parkAfterFailures = 10

    public init() {}

    public func nextAfterSuccess(_ now: Date, hint: Double?, cacheLifetime: Double?) -> Date {
        now.addingTimeInterval(min(max(interval, hint ?? 0, cacheLifetime ?? 0), maxInterval))
    }

    public func nextAfterFailure(_ now: Date, failures: Int, retryAfter: Double?) -> Date {
        let backoff = min(interval * pow(2, Double(max(failures, 1) - 1)), maxInterval)
        return now.addingTimeInterval(max(backoff, retryAfter ?? 0))
    }

    /// Why the feed is parked now, or nil while it is still worth trying.
    public func parkReason(failures: Int, lastError: String) -> String? {
        failures >= parkAfterFailures ? "parked after \(failures) failures in a row; last: \(lastError)" : nil
    }
}
