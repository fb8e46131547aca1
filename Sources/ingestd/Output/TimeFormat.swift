import Foundation
import Timestamps

/// Dates as printed for people: UTC, minute precision (`2026-11-23 19:20Z`).
enum TimeFormat {
    static func day(_ date: Date) -> String {
        let t = UTCFields(date)
        return String(format: "%04d-%02d-%02d %02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute)
    }
}
