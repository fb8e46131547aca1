import Foundation
import Timestamps

/// Reads a calendar date written for readers ("Dec 12, 2025", "12. Dezember 2025",
/// "12 Aralık 2025", "12 de diciembre de 2025", "12 декабря 2025", "2025-12-12", "25.09.2025",
/// "09/25/2025"), htmldate-style, from a line of page text.
///
/// Forms: month name, day, year; day, month name, year (with "de", "of" or a dot between);
/// year-month-day; day.month.year; month/day/year, or day/month/year when the first number
/// cannot be a month. Month names and their usual abbreviations in English, Turkish, German,
/// French, Spanish and Russian (genitive); "1st", "2nd", "1er" read as days. Guarantees: only
/// real calendar dates from 1990 on, never after `latest`; the first date in the text wins;
/// midnight UTC.
enum VisibleDate {
    static func first(in text: String, latest: Date) -> Date? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            if let date = date(at: i, tokens), let made = make(date), made <= latest { return made }
            i += 1
        }
        return nil
    }

    private enum Token {
        case number(Int, digits: Int)
        case word(String)
        /// A numeric date written as one token: "2025-12-12", "25.09.2025", "09/25/2025".
        case numeric(String)
    }

    private static func date(at i: Int, _ t: [Token]) -> (year: Int, month: Int, day: Int)? {
        switch t[i] {
        case .numeric(let s): return numeric(s)
        case .word(let w):
            // month day [,] year
            guard let month = months[w], i + 2 < t.count, case .number(let day, _) = t[i + 1],
                  case .number(let year, 4) = t[i + 2] else { return nil }
            return (year, month, day)
        case .number(let day, let digits):
            // day [de|of] month [de] year
            guard digits <= 2 else { return nil }
            var j = i + 1
            if j < t.count, case .word(let w) = t[j], fillers.contains(w) { j += 1 }
            guard j < t.count, case .word(let w) = t[j], let month = months[w] else { return nil }
            j += 1
            if j < t.count, case .word(let f) = t[j], fillers.contains(f) { j += 1 }
            guard j < t.count, case .number(let year, 4) = t[j] else { return nil }
            return (year, month, day)
        }
    }

    private static func numeric(_ s: String) -> (year: Int, month: Int, day: Int)? {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let separator = s.first(where: { !$0.isNumber })
        if parts[0] >= 1000 { return (parts[0], parts[1], parts[2]) }
        guard parts[2] >= 1000 else { return nil }
        if separator == "/" { return parts[0] > 12 ? (parts[2], parts[1], parts[0]) : (parts[2], parts[0], parts[1]) }
        return (parts[2], parts[1], parts[0])
    }

    private static func make(_ d: (year: Int, month: Int, day: Int)) -> Date? {
        guard d.year >= 1990, d.year < 2100, (1...12).contains(d.month), (1...31).contains(d.day) else { return nil }
        let iso = String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
        guard let date = TimestampParser.parse(iso), UTCFields(date).day == d.day else { return nil }
        return date
    }

    /// Words (runs of letters, lowercased), numbers (an ordinal suffix dropped) and numeric
    /// dates (digits joined by `-`, `.` or `/`); everything else separates. On scalars, not
    /// characters: the texts are short, but every dateless page reads them.
    private static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.lowercased().unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
        func isJoiner(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "." || c == "/" }
        func string(_ range: Range<Int>) -> String {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[range])
            return String(out)
        }
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isDigit(c) {
                var j = i, joined = false
                while j < scalars.count, isDigit(scalars[j]) || (isJoiner(scalars[j]) && j + 1 < scalars.count && isDigit(scalars[j + 1])) {
                    if isJoiner(scalars[j]) { joined = true }
                    j += 1
                }
                var k = j
                while k < scalars.count, isLetter(scalars[k]) { k += 1 }
                if !joined {
                    if j - i <= 9, let n = Int(string(i..<j)) { tokens.append(.number(n, digits: j - i)) }
                    i = ordinals.contains(string(j..<k)) ? k : j
                } else {
                    tokens.append(.numeric(string(i..<j)))
                    i = j
                }
            } else if isLetter(c) {
                var j = i
                while j < scalars.count, isLetter(scalars[j]) { j += 1 }
                tokens.append(.word(string(i..<j)))
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static let ordinals: Set<String> = ["st", "nd", "rd", "th", "er", "e"]
    private static let fillers: Set<String> = ["de", "of", "del"]

    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "ocak", "januar", "jänner", "janvier", "janv", "enero", "ene", "января", "янв"],
            ["february", "feb", "şubat", "februar", "février", "févr", "fevrier", "febrero", "февраля", "фев"],
            ["march", "mar", "mart", "märz", "mars", "marzo", "марта", "мар"],
            ["april", "apr", "nisan", "avril", "avr", "abril", "abr", "апреля", "апр"],
            ["may", "mayıs", "mai", "mayo", "мая"],
            ["june", "jun", "haziran", "juni", "juin", "junio", "июня", "июн"],
            ["july", "jul", "temmuz", "juli", "juillet", "juil", "julio", "июля", "июл"],
            ["august", "aug", "ağustos", "août", "aout", "agosto", "ago", "августа", "авг"],
            ["september", "sep", "sept", "eylül", "septembre", "septiembre", "сентября", "сен"],
            ["october", "oct", "ekim", "oktober", "okt", "octobre", "octubre", "октября", "окт"],
            ["november", "nov", "kasım", "novembre", "noviembre", "ноября", "ноя"],
            ["december", "dec", "aralık", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "декабря", "дек"],
        ]
        var map: [String: Int] = [:]
        for (i, list) in names.enumerated() { for name in list { map[name] = i + 1 } }
        return map
    }()
}
