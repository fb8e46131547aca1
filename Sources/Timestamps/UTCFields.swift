import Foundation

/// A date's calendar fields in UTC, read with the C library's `gmtime_r`.
///
/// Guarantees: the proleptic Gregorian calendar in UTC, seconds truncated towards the past;
/// no `DateFormatter` (each of which builds an ICU formatter: in `clusters list` that was
/// most of the time).
public struct UTCFields: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        year = Int(parts.tm_year) + 1900
        month = Int(parts.tm_mon) + 1
        day = Int(parts.tm_mday)
        hour = Int(parts.tm_hour)
        minute = Int(parts.tm_min)
        second = Int(parts.tm_sec)
    }

    /// `2021-09-29T11:05:00Z`.
    public var iso8601: String {
        String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second)
    }
}
