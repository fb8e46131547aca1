import Foundation

/// Why a `FetchPool` is to stop early, set from one thread and read by the pool's: nil until set.
final class StopReason: @unchecked Sendable {
    private var reason: String?
    private let lock = NSLock()

    var value: String? { lock.withLock { reason } }

    func set(_ new: String) { lock.withLock { reason = reason ?? new } }
}
