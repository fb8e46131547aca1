import Foundation

/// Reads the ISO 8601 forms pages and feeds use most, on bytes and without a formatter:
/// `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`, a fraction, and `Z` or a
/// `±HH`, `±HHMM` or `±HH:MM` offset, possibly after a space (none means UTC).
///
/// Guarantees: returns nil, never a guess, for anything else or for an impossible date or
/// time (month 13, 31 April, 25:00), so the caller can fall back to full parsing.
enum ISO8601Scanner {
    static func parse(_ s: String) -> Date? {
        var b = Array(s.utf8)[...]
        guard let year = number(&b, digits: 4), take(&b, "-"), let month = number(&b, digits: 2), take(&b, "-"),
              let day = number(&b, digits: 2), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else { return nil }
        var seconds = 0.0
        if let sep = b.first, sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == 0x20 {
            b = b.dropFirst()
            guard let h = number(&b, digits: 2), take(&b, ":"), let m = number(&b, digits: 2), h < 24, m < 60 else { return nil }
            seconds = Double(h * 3600 + m * 60)
            if take(&b, ":") {
                guard let sec = number(&b, digits: 2), sec <= 60 else { return nil }
                seconds += Double(sec)
                if take(&b, ".") || take(&b, ",") {
                    var scale = 0.1, any = false
                    while let d = b.first, d >= 0x30 && d <= 0x39 { seconds += Double(d - 0x30) * scale; scale /= 10; any = true; b = b.dropFirst() }
                    guard any else { return nil }
                }
            }
            if b.count > 1, b.first == 0x20, b.dropFirst().first.map({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) == true {
                b = b.dropFirst()  // "2025-12-02 10:39:46 -0600": a space before the offset
            }
            if take(&b, "Z") || take(&b, "z") {
            } else if let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                b = b.dropFirst()
                guard let oh = number(&b, digits: 2), oh < 24 else { return nil }
                _ = take(&b, ":")
                let om = b.isEmpty ? 0 : (number(&b, digits: 2) ?? 99)
                guard om < 60 else { return nil }
                seconds -= Double((oh * 60 + om) * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
            }
        }
        guard b.isEmpty else { return nil }
        return Date(timeIntervalSince1970: Double(daysFromCivil(year, month, day)) * 86_400 + seconds)
    }

    /// W3C-DTF's reduced forms: `YYYY` (1 January) and `YYYY-MM` (the 1st), UTC.
    static func parseYearOrMonth(_ s: String) -> Date? {
        var b = Array(s.utf8)[...]
        guard let year = number(&b, digits: 4) else { return nil }
        if b.isEmpty { return Date(timeIntervalSince1970: Double(daysFromCivil(year, 1, 1)) * 86_400) }
        guard take(&b, "-"), let month = number(&b, digits: 2), b.isEmpty, (1...12).contains(month) else { return nil }
        return Date(timeIntervalSince1970: Double(daysFromCivil(year, month, 1)) * 86_400)
    }

    static func number(_ b: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        guard b.count >= digits else { return nil }
        var v = 0
        for d in b.prefix(digits) {
            guard d >= 0x30 && d <= 0x39 else { return nil }
            v = v * 10 + Int(d - 0x30)
        }
        b = b.dropFirst(digits)
        return v
    }

    static func take(_ b: inout ArraySlice<UInt8>, _ c: Unicode.Scalar) -> Bool {
        guard b.first == UInt8(ascii: c) else { return false }
        b = b.dropFirst()
        return true
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
