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
    /// dates (digits joined by `-`, `.` or `/`); everything else separates.
    private static func tokenize(_ text: String) -> [Token] {
        let chars = Array(text.lowercased())
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if isDigit(c) {
                var j = i
                while j < chars.count, isDigit(chars[j]) || ("-./".contains(chars[j]) && j + 1 < chars.count && isDigit(chars[j + 1])) {
                    j += 1
                }
                let run = String(chars[i..<j])
                var k = j
                while k < chars.count, chars[k].isLetter { k += 1 }
                if run.allSatisfy(isDigit) {
                    if run.count <= 9, let n = Int(run) { tokens.append(.number(n, digits: run.count)) }
                    i = ordinals.contains(String(chars[j..<k])) ? k : j
                } else {
                    tokens.append(.numeric(run))
                    i = j
                }
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                tokens.append(.word(String(chars[i..<j])))
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
