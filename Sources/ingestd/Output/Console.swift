import Foundation
import Logging

/// Where messages go: results to stdout, warnings and errors to stderr.
///
/// Guarantees: a message is at most `maxMessageBytes` bytes (a 2 MB URL from a feed does
/// not become a 2 MB log line) and is on one line: controls, CR and LF among them, show as
/// spaces, so a value from the web cannot forge a log line.
enum Console {
    static let maxMessageBytes = 2_048

    /// `--color`: `auto` colours a terminal unless `NO_COLOR` is set (no-color.org).
    enum ColorChoice: String, CaseIterable, Sendable { case auto, always, never }

    /// Whether stdout takes colour under `choice`.
    static func colorsStdout(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    /// The width of the terminal on stdout, else `COLUMNS` when set, else nil (a pipe).
    static func stdoutWidth() -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }
    }

    /// The log's format and threshold: `LogFormat.automatic` and info until a command sets them
    /// (`-q`: warnings and errors only; `-v`: each feed and page too).
    static let logSettings = LockedValue((format: LogFormat.automatic, level: Logger.Level.info))

    static func configureLog(format: LogFormat?, quiet: Bool, verbose: Bool = false) {
        logSettings.value = (format ?? logSettings.value.format, quiet ? .warning : verbose ? .debug : .info)
    }

    static var logger: Logger {
        let (format, level) = logSettings.value
        return Logger(label: "ingestd") { _ in LineLogHandler(format: format, level: level) }
    }

    /// A line of information on stderr (a summary), apart from the command's output.
    static func note(_ message: String) { logger.info("\(oneLine(message))") }

    static func warn(_ message: String) { logger.warning("\(oneLine(message))") }

    /// Detail shown with -v: what happened to each feed and page.
    static func detail(_ message: String) { logger.debug("\(oneLine(message))") }

    /// What stopped a command, just before it exits with its status.
    static func fail(_ message: String) { logger.error("\(oneLine(message))") }

    /// `message` cut to `maxMessageBytes` (at a character), controls made spaces.
    static func oneLine(_ message: String) -> String {
        var out = String.UnicodeScalarView()
        var bytes = 0
        for scalar in message.unicodeScalars {
            bytes += UTF8.width(scalar)
            guard bytes <= maxMessageBytes else {
                return String(out) + "… (\(message.utf8.count - bytes + UTF8.width(scalar)) more bytes)"
            }
            out.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        return String(out)
    }
}
