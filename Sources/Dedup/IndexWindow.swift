import Foundation

/// The time window of the duplicate index (`dedup.window_days`), the rule written once for
/// every store.
///
/// The rule: a document's window time is when it was published, or when it was first seen
/// if it has no date or a date after that (`PostingSource`). The clock is the latest window
/// time among the documents so far, so it only moves forward with arrival. Generations are
/// the windows of `days` the clock passes through: a document belongs to the generation
/// the clock is in once it has arrived, and the generations' first documents only grow
/// with ids. A new document looks up only the documents of its own generation and the one
/// before: those from the first document whose window time reaches the previous
/// generation's start (the first at which the clock did). So a copy seen within `days` of
/// its original is always found, one seen within `2 × days` may be, and none later; a
/// document dated before the window is still indexed and compared with the window's.
///
/// Guarantees: the same stream gives every store the same generations and window starts;
/// an unbounded window (0 days) starts every lookup at the first document.
public struct IndexWindow: Sendable, Equatable {
    /// The window's length in seconds; 0 when there is no window.
    public let seconds: Double

    public init(days: Double) {
        seconds = days * 86_400
    }

    public var isBounded: Bool { seconds > 0 }

    /// A document's window time, in seconds since 2001, to the millisecond as the archive
    /// stores dates (so a store read back gives the same time).
    public static func time(published: Date?, seen: Date) -> Double {
        let time = min(published ?? seen, seen).timeIntervalSinceReferenceDate
        return (time * 1000 + 0.5).rounded(.down) / 1000
    }

    /// The generation the clock is in.
    func generation(_ clock: Double) -> Int64 {
        Int64((clock / seconds).rounded(.down))
    }

    /// When a generation starts.
    func start(of generation: Int64) -> Double {
        Double(generation) * seconds
    }
}
