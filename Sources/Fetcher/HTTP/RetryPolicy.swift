import Foundation
import Timestamps

/// When a failed attempt is worth another, and how long to wait first.
///
/// Transient: HTTP 408, 425, 429, 500, 502, 503 and 504, and transport errors that are not
/// the server's verdict (timeouts, resets, refused or failed connections). Never retried:
/// other 4xx, size-limit refusals, redirect loops, robots.txt refusals.
struct RetryPolicy {
    let settings: FetchSettings

    static func isTransient(status: Int) -> Bool { [408, 425, 429, 500, 502, 503, 504].contains(status) }

    /// The delay before attempt `attempt + 1` (attempt counts from 1), or nil to give up.
    /// A `Retry-After` longer than `maxRetryAfter` means giving up now: the feed's schedule,
    /// not this run, will come back to it.
    func delay(afterAttempt attempt: Int, retryAfter: String?, now: Date = Date()) -> Double? {
        guard attempt <= settings.retries else { return nil }
        if let retryAfter, let asked = Self.seconds(retryAfter, now: now) {
            return asked <= settings.maxRetryAfter ? max(asked, 0) : nil
        }
        let base = settings.retryBaseDelay * pow(2, Double(attempt - 1))
        return base * Double.random(in: 1.0...1.5)
    }

    /// `Retry-After` (or `Expires`) as seconds from now: delta-seconds or an HTTP date.
    static func seconds(_ value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(trimmed) { return s }
        return TimestampParser.parse(trimmed).map { $0.timeIntervalSince(now) }
    }
}
