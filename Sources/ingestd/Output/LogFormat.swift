import Foundation

/// How log lines are written to stderr.
///
/// - `human`: `ingestd: warning: MESSAGE`, for people at a terminal;
/// - `logfmt`: `time=… level=… url=… msg="…"`, one record a line, for files and log shippers;
/// - `json`: one JSON object a line with the same fields.
/// Chosen by `--log-format`, else `$INGESTD_LOG_FORMAT`, else human on a terminal and logfmt on
/// a pipe or file.
enum LogFormat: String, CaseIterable, Sendable {
    case human, logfmt, json

    static var automatic: LogFormat {
        if let name = ProcessInfo.processInfo.environment["INGESTD_LOG_FORMAT"], let format = LogFormat(rawValue: name) {
            return format
        }
        return isatty(STDERR_FILENO) == 1 ? .human : .logfmt
    }
}
