import Foundation

/// Reads the date formats found in feeds and pages into an absolute `Date`.
///
/// Accepts RFC 822/1123 (`Wed, 29 Sep 2021 14:05:00 +0300`, with or without the weekday
/// and seconds, with named zones such as GMT, UT, EST or PDT), ISO 8601 / RFC 3339
/// (`2021-09-29T14:05:00Z`, fractional seconds, `+03:00` or `+0300` offsets, a space
/// instead of `T`, a bare date), and the common broken forms seen in real feeds
/// (missing zone → UTC, two-digit years, extra white space). Returns nil rather than
/// guessing when nothing fits. Thread-safe: each thread keeps its own formatters.
public enum TimestampParser {
    public static func parse(_ raw: String) -> Date? {
        // The commonest form (an ISO 8601 date and time, as corpora and JSON feeds give it)
        // on bytes first: no other form starts with four digits and a hyphen, and the string
        // work below (trimming, replacing) costs more than the whole scan.
        if raw.utf8.count >= 10, raw.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true,
           let d = ISO8601Scanner.parse(raw) {
            return d
        }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 80 else { return nil }
        if let d = RFC822Scanner.parse(trimmed) { return d }
        let s = trimmed.replacingOccurrences(of: "  ", with: " ")
        if let first = s.unicodeScalars.first, CharacterSet.decimalDigits.contains(first) {
            // The common ISO 8601 forms first, on bytes; then the format style and formatters.
            if let d = ISO8601Scanner.parse(s) ?? ISO8601Scanner.parseYearOrMonth(s) { return d }
            // A full ISO date and time the scanner refused has an impossible value (25:00,
            // minute 61) or trailing junk: no lenient fallback may accept it.
            if s.range(of: #"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"#, options: .regularExpression) != nil { return nil }
            if let d = try? Date(s, strategy: .iso8601) { return d }
            if let d = iso8601(s) { return d }
        }
        return rfc822(s)
    }

    /// Formats a date as UTC ISO 8601 with seconds (`2021-09-29T11:05:00Z`).
    public static func iso8601String(_ date: Date) -> String {
        UTCFields(date).iso8601
    }

    private static let isoFormats = [
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX",
        "yyyy-MM-dd'T'HH:mmXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd", "yyyyMMdd'T'HHmmssXXXXX",
    ]

    private static let rfcFormats = [
        "EEE, d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z",
        "EEE, d MMM yy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss", "EEE, d MMM yyyy",
        "d MMM yyyy", "EEE MMM d HH:mm:ss Z yyyy", "MMMM d, yyyy", "MMMM d, yyyy HH:mm",
    ]

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static let namedZones: [String: String] = [
        "UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
        "EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
        "MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
        "CET": "+0100", "CEST": "+0200", "MSK": "+0300", "TRT": "+0300",
    ]

    private static func iso8601(_ s: String) -> Date? {
        var t = s.replacingOccurrences(of: " ", with: "T", options: [], range: nil)
        if t.hasSuffix("z") { t = String(t.dropLast()) + "Z" }
        // "+0300" → "+03:00" so one pattern covers both offset spellings.
        if let m = t.range(of: #"[+-]\d{4}$"#, options: .regularExpression) {
            let off = t[m]
            t.replaceSubrange(m, with: off.prefix(3) + ":" + off.suffix(2))
        }
        return firstMatch(t, formats: isoFormats)
    }

    private static func rfc822(_ s: String) -> Date? {
        // Every RFC 822-style format names its month: without one, no formatter can succeed.
        let lower = s.lowercased()
        guard monthNames.contains(where: { lower.utf8.count >= 3 && lower.contains($0) }) else { return nil }
        var parts = s.replacingOccurrences(of: ",", with: ", ").split(separator: " ").map(String.init)
        if let last = parts.last, let offset = namedZones[last.uppercased()] {
            parts[parts.count - 1] = offset
        }
        return firstMatch(parts.joined(separator: " "), formats: rfcFormats)
    }

    /// Every format is ASCII (POSIX month and day names, digits, zone letters), so a string
    /// with other characters matches none; and Foundation's `DateFormatter` on Linux stops
    /// the process on some of them (a combining mark after a digit: "09:\u{031C}…"), which a
    /// hostile feed must not be able to do. No-break spaces are spaces.
    private static func firstMatch(_ s: String, formats: [String]) -> Date? {
        let s = s.replacingOccurrences(of: "\u{00A0}", with: " ")
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        for format in formats {
            if let d = formatter(format).date(from: s) { return d }
        }
        return nil
    }

    /// One POSIX, UTC, strict formatter per format and thread: making one, or changing its
    /// format, costs more than parsing with it.
    private static func formatter(_ format: String) -> DateFormatter {
        let key = "ingestd.TimestampParser." + format
        if let f = Thread.current.threadDictionary[key] as? DateFormatter { return f }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.isLenient = false
        f.dateFormat = format
        Thread.current.threadDictionary[key] = f
        return f
    }
}
