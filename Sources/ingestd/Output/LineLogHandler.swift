import Foundation
import Logging
import Timestamps

/// swift-log's one handler for ingestd: every record is one line on stderr, in `LogFormat`,
/// with an RFC 3339 time (UTC, milliseconds), its level and, when the message begins with the
/// feed, URL or file it concerns (`https://x/rss: HTTP status 404`), that subject as `url` or
/// `file` apart from the message.
///
/// Guarantees: one `write` a line, under a lock, so lines from threads never interleave; values
/// are escaped for their format (logfmt quotes and backslashes, JSON by JSONSerialization); a
/// message is one line already (`Console.oneLine`).
struct LineLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let format: LogFormat
    private static let lock = NSLock()

    init(format: LogFormat, level: Logger.Level) {
        self.format = format
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = Self.line(format: format, level: event.level, message: "\(event.message)",
                             metadata: metadata.merging(event.metadata ?? [:]) { $1 }, at: Date())
        // A progress bar on the terminal is cleared first; it is drawn again on its next step.
        let clear = ProgressBar.isShown.value ? "\r\u{1B}[K" : ""
        Self.lock.withLock { FileHandle.standardError.write(Data((clear + line + "\n").utf8)) }
    }

    /// The line for one record (no newline).
    static func line(format: LogFormat, level: Logger.Level, message: String, metadata: Logger.Metadata, at time: Date) -> String {
        if format == .human {
            switch level {
            case .warning: return "ingestd: warning: \(message)"
            case .error, .critical: return "ingestd: \(message)"
            default: return message
            }
        }
        let (subject, text) = Self.subject(of: message)
        var fields: [(String, String)] = [("time", Self.rfc3339(time)), ("level", Self.name(level))]
        if let subject { fields.append(subject) }
        fields += metadata.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        fields.append(("msg", text))
        switch format {
        case .json:
            var object: [String: String] = [:]
            for (key, value) in fields { object[key] = value }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        default:
            return fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        }
    }

    /// `warning`, `error`…: syslog-like names, as log tools expect them.
    private static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info, .notice: "info"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// A leading `URL: ` or `/path: ` of a message, as a field, and the rest.
    static func subject(of message: String) -> ((String, String)?, String) {
        guard let colon = message.range(of: ": ") else { return (nil, message) }
        let head = message[..<colon.lowerBound]
        guard !head.contains(" ") else { return (nil, message) }
        let rest = String(message[colon.upperBound...])
        if head.contains("://") { return (("url", String(head)), rest) }
        if head.hasPrefix("/") { return (("file", String(head)), rest) }
        return (nil, message)
    }

    private static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.isNewline }
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    private static func rfc3339(_ date: Date) -> String {
        let fields = UTCFields(date)
        let millis = Int((date.timeIntervalSince1970 * 1_000).rounded(.down)) % 1_000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", fields.year, fields.month, fields.day, fields.hour,
                      fields.minute, fields.second, millis)
    }
}
