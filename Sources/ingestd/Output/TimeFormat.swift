import Foundation

/// Dates as printed for people: UTC, minute precision.
enum TimeFormat {
    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm'Z'"
        return f.string(from: date)
    }
}
