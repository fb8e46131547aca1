import Foundation

/// Whole-string, case-insensitive matching against many regular expressions at once,
/// with the expressions grouped by the letter they must start with.
///
/// A pattern that plainly starts with a letter (no quantifier on it and no top-level `|`)
/// can only match a string starting with that letter in either case; every other pattern
/// may start anywhere. A string is tried against the alternation of its first letter's
/// patterns plus the start-anywhere ones, so each call tries a fraction of the list.
/// Guarantees: the answer is the same as matching `^(?:p1|p2|…)$` case-insensitively.
/// Thread-safe: NSRegularExpression is immutable once made.
struct PhraseMatcher: @unchecked Sendable {
    private let byFirstLetter: [Unicode.Scalar: NSRegularExpression]
    private let anyStart: NSRegularExpression?

    init(patterns: [String]) {
        var lettered: [Unicode.Scalar: [String]] = [:]
        var anywhere: [String] = []
        for p in patterns {
            if let letter = Self.plainFirstLetter(p) { lettered[letter, default: []].append(p) } else { anywhere.append(p) }
        }
        byFirstLetter = lettered.compactMapValues { Self.compile($0 + anywhere) }
        anyStart = Self.compile(anywhere)
    }

    func matches(_ s: String) -> Bool {
        let first = s.first.flatMap { String($0).lowercased().unicodeScalars.first }
        guard let expression = first.flatMap({ byFirstLetter[$0] }) ?? anyStart else { return false }
        return expression.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    private static func compile(_ patterns: [String]) -> NSRegularExpression? {
        guard !patterns.isEmpty else { return nil }
        let alternation = patterns.map { "(?:\($0))" }.joined(separator: "|")
        return try? NSRegularExpression(pattern: "^(?:\(alternation))$", options: [.caseInsensitive])
    }

    /// The lowercased first letter a pattern must start with, or nil when it could start otherwise.
    static func plainFirstLetter(_ pattern: String) -> Unicode.Scalar? {
        let scalars = Array(pattern.unicodeScalars)
        guard let first = scalars.first, first.properties.isAlphabetic, first.properties.generalCategory != .nonspacingMark else {
            return nil
        }
        if scalars.count > 1, "?*{".unicodeScalars.contains(scalars[1]) { return nil }
        if hasTopLevelAlternation(scalars) { return nil }
        // Letters whose case mapping is not one scalar (İ, ß…) are left to the general group.
        let lower = String(first).lowercased().unicodeScalars, upper = String(first).uppercased().unicodeScalars
        guard lower.count == 1, upper.count == 1 else { return nil }
        return lower.first
    }

    private static func hasTopLevelAlternation(_ s: [Unicode.Scalar]) -> Bool {
        var depth = 0, i = 0, inClass = false
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0: return true
            default: break
            }
            i += 1
        }
        return false
    }
}
