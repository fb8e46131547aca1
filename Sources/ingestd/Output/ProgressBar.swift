import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    private var done = 0
    private var drawnPercent = -1

    init(total: Int) { self.total = total }

    func advance() {
        done += 1
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != drawnPercent else { return }
        drawnPercent = percent
        let width = 40, filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled, drawnPercent >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
