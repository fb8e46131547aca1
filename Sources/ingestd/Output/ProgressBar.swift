import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal: done and total,
/// the rate since the start, and the time left at that rate (or only the count and rate
/// when the total is not known). A total may grow as work is found (`expect`). While a bar
/// is on screen, log lines first clear it (`isShown`), so they do not run into it.
final class ProgressBar {
    private var total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    private var done = 0
    private let started = ContinuousClock.now
    private var drawnAt: ContinuousClock.Instant?

    /// Redraws at most this often.
    static let interval = Duration.milliseconds(200)

    /// Whether a bar is drawn on the terminal now.
    static let isShown = LockedValue(false)

    /// Items between looks at the clock: every one for a short task, else every 256th
    /// (reading the clock per item costs more than a fast item).
    private var mask: Int { total > 0 && total < 4_096 ? 0 : 255 }

    init(total: Int) {
        self.total = total
    }

    /// `more` items to do besides those expected so far.
    func expect(_ more: Int) { total += more }

    func advance() {
        done += 1
        guard enabled, done & mask == 0 || done == total else { return }
        let now = ContinuousClock.now
        if let drawnAt, now - drawnAt < Self.interval, done != total { return }
        drawnAt = now
        let seconds = max((now - started) / .seconds(1), 1e-3)
        let rate = Double(done) / seconds
        var line = "\r\(done)"
        if total > 0 {
            let percent = min(done * 100 / total, 100), width = 30, filled = percent * width / 100
            let left = rate > 0 ? Double(max(total - done, 0)) / rate : 0
            line = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                + "] \(done)/\(total) " + Self.rate(rate) + " ETA " + Self.clock(left)
        } else {
            line += " " + Self.rate(rate)
        }
        FileHandle.standardError.write(Data((line + "  ").utf8))
        Self.isShown.value = true
    }

    func finish() {
        if enabled, drawnAt != nil { FileHandle.standardError.write(Data("\n".utf8)) }
        Self.isShown.value = false
    }

    private static func rate(_ perSecond: Double) -> String {
        String(format: "%.0f/s", perSecond)
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
