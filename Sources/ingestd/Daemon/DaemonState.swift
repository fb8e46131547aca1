import Fetcher
import Foundation

/// What the daemon's loop, its signal handlers and its HTTP server share: the last pass's
/// metrics and health, the running pass's fetch pool, and whether to stop or reload.
///
/// Guarantees: every member is read and written under one lock; `wait(until:)` returns early
/// when a stop or a reload is asked for; a stop asked for during a pass stops its fetch pool at
/// once (`FetchPool.stop(because:)`), so the pass ends with what it has archived.
final class DaemonState: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopping: String?
    private var reloading = false
    private var pool: FetchPool?
    private var metrics: String?
    private var lastPass: (finished: Date, error: String?)?
    let started = Date()

    var stopReason: String? { condition.withLock { stopping } }

    func stop(because reason: String) {
        condition.withLock {
            stopping = stopping ?? reason
            pool?.stop(because: "a stop was asked for (\(reason))")
            condition.broadcast()
        }
    }

    func reload() {
        condition.withLock {
            reloading = true
            condition.broadcast()
        }
    }

    /// Whether a reload was asked for since the last call.
    func takeReload() -> Bool {
        condition.withLock {
            defer { reloading = false }
            return reloading
        }
    }

    /// The running pass's pool (nil between passes); stopped at once if a stop came first.
    func running(_ pool: FetchPool?) {
        condition.withLock {
            self.pool = pool
            if let pool, let stopping { pool.stop(because: "a stop was asked for (\(stopping))") }
        }
    }

    func finished(metrics text: String?, error: String?) {
        condition.withLock {
            if let text { metrics = text }
            lastPass = (Date(), error)
        }
    }

    /// Sleeps until `date`, or until a stop or reload is asked for.
    func wait(until date: Date) {
        condition.withLock {
            while stopping == nil, !reloading, Date() < date { _ = condition.wait(until: date) }
        }
    }

    /// The last pass's metrics (a comment until one has finished).
    var metricsText: String { condition.withLock { metrics ?? "# ingestd: no pass has finished yet\n" } }

    /// Healthy while passes finish without error and the last one is recent (`maxAge`).
    func health(maxAge: TimeInterval) -> (ok: Bool, text: String) {
        condition.withLock {
            guard let lastPass else {
                return Date().timeIntervalSince(started) < maxAge ? (true, "starting") : (false, "no pass has finished")
            }
            let stamp = TimeFormat.day(lastPass.finished)
            if let error = lastPass.error { return (false, "the last pass, at \(stamp), failed: \(error)") }
            guard Date().timeIntervalSince(lastPass.finished) < maxAge else { return (false, "no pass since \(stamp)") }
            return (true, "ok: last pass finished at \(stamp)")
        }
    }
}
