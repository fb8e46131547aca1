import Foundation

/// Whole-string, case-insensitive matching against many regular expressions at once, trying
/// only the expressions that can match.
///
/// - A pattern with a required literal at its top level ("abone ol" in `.{0,40}abone ol`) is
///   tried alone, and only when the lowercased string contains that literal.
/// - Any other pattern that must start with known letters (a plain first letter, or a leading
///   group of plain alternatives such as `(read more|see also)`) is tried, in one alternation
///   per letter, only on strings starting with one of them.
/// - The rest are tried on every string.
///
/// Guarantee: the same answer as `^(?:p1|p2|…)$` matched case-insensitively, except where
/// that would rely on full case folding (ß against ss, ſ against s), which the lowercased
/// literal test does not see. Thread-safe: NSRegularExpression is immutable once made.
struct PhraseMatcher: @unchecked Sendable {
    private let withLiteral: [(literal: [UInt8], expression: NSRegularExpression)]
    private let byFirstLetter: [Unicode.Scalar: NSRegularExpression]
    private let anyStart: NSRegularExpression?

    /// Literals shorter than this are too common to filter anything.
    static let minLiteralBytes = 3

    init(patterns: [String]) {
        var literal: [(literal: [UInt8], expression: NSRegularExpression)] = []
        var lettered: [Unicode.Scalar: [String]] = [:]
        var anywhere: [String] = []
        for p in patterns {
            if let l = Self.requiredLiteral(p), let e = Self.compile([p]) {
                literal.append((l, e))
            } else if let letters = Self.firstLetters(p) {
                for letter in letters { lettered[letter, default: []].append(p) }
            } else {
                anywhere.append(p)
            }
        }
        withLiteral = literal
        byFirstLetter = lettered.compactMapValues { Self.compile($0 + anywhere) }
        anyStart = Self.compile(anywhere)
    }

    func matches(_ s: String) -> Bool {
        let first = s.unicodeScalars.first.flatMap { c in
            c.isASCII ? Unicode.Scalar(UInt8(c.value) | (c.properties.isUppercase ? 0x20 : 0)) : String(c).lowercased().unicodeScalars.first
        }
        if let expression = first.flatMap({ byFirstLetter[$0] }) ?? anyStart, Self.whole(expression, s) { return true }
        guard !withLiteral.isEmpty else { return false }
        let lowered = Self.lowercasedBytes(s)
        return withLiteral.contains { ClassHintReader.contains(lowered, $0.literal) && Self.whole($0.expression, s) }
    }

    /// Lowercased UTF-8: ASCII on bytes, anything else through `lowercased()`.
    private static func lowercasedBytes(_ s: String) -> [UInt8] {
        var bytes = Array(s.utf8)
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 { return Array(s.lowercased().utf8) }
            if b >= 0x41 && b <= 0x5A { bytes[i] = b | 0x20 }
        }
        return bytes
    }

    private static func whole(_ e: NSRegularExpression, _ s: String) -> Bool {
        e.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    private static func compile(_ patterns: [String]) -> NSRegularExpression? {
        guard !patterns.isEmpty else { return nil }
        let alternation = patterns.map { "(?:\($0))" }.joined(separator: "|")
        return try? NSRegularExpression(pattern: "^(?:\(alternation))$", options: [.caseInsensitive])
    }

    /// The longest run of plain characters every match must contain, lowercased: taken at the
    /// top level only (outside groups and classes), without a character that a quantifier
    /// makes optional; nil when there is a top-level `|` or no run of `minLiteralBytes`.
    static func requiredLiteral(_ pattern: String) -> [UInt8]? {
        let s = Array(pattern.unicodeScalars)
        guard !hasTopLevelAlternation(s) else { return nil }
        var runs: [[Unicode.Scalar]] = [[]]
        var depth = 0, i = 0, inClass = false
        func endRun() { if !runs[runs.count - 1].isEmpty { runs.append([]) } }
        while i < s.count {
            let c = s[i]
            if inClass {
                if c == "\\" { i += 1 } else if c == "]" { inClass = false }
            } else if c == "\\", i + 1 < s.count {
                let next = s[i + 1]
                if depth == 0, !next.properties.isAlphabetic, !("0"..."9").contains(next) { runs[runs.count - 1].append(next) } else { endRun() }
                i += 1
            } else if "?*{".unicodeScalars.contains(c) {
                if depth == 0, !runs[runs.count - 1].isEmpty { runs[runs.count - 1].removeLast() }
                endRun()
                if c == "{" { while i < s.count && s[i] != "}" { i += 1 } }
            } else if c == "(" { depth += 1; endRun() }
            else if c == ")" { depth -= 1; endRun() }
            else if c == "[" { inClass = true; endRun() }
            else if ".+^$|".unicodeScalars.contains(c) { endRun() }
            else if depth == 0 { runs[runs.count - 1].append(c) }
            i += 1
        }
        guard let best = runs.map({ Array(String(String.UnicodeScalarView($0)).lowercased().utf8) }).max(by: { $0.count < $1.count }),
              best.count >= minLiteralBytes else { return nil }
        return best
    }

    /// The lowercased letters a pattern must start with: its plain first letter, or those of a
    /// leading group of plain alternatives such as `(read more|see also)`; nil when unknown.
    static func firstLetters(_ pattern: String) -> Set<Unicode.Scalar>? {
        if let letter = plainFirstLetter(pattern) { return [letter] }
        let s = Array(pattern.unicodeScalars)
        guard s.first == "(", s.count > 1, s[1] != "?", !hasTopLevelAlternation(s),
              let close = closingParenthesis(s), close + 1 == s.count || !"?*{".unicodeScalars.contains(s[close + 1])
        else { return nil }
        var letters = Set<Unicode.Scalar>()
        for alternative in topLevelAlternatives(Array(s[1..<close])) {
            guard let letter = plainFirstLetter(String(String.UnicodeScalarView(alternative))) else { return nil }
            letters.insert(letter)
        }
        return letters
    }

    private static func closingParenthesis(_ s: [Unicode.Scalar]) -> Int? {
        var depth = 0, i = 0, inClass = false
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    private static func topLevelAlternatives(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = [[]]
        var depth = 0, i = 0, inClass = false
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                parts[parts.count - 1].append(c)
                if i + 1 < s.count { parts[parts.count - 1].append(s[i + 1]) }
                i += 2
                continue
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0:
                parts.append([])
                i += 1
                continue
            default: break
            }
            parts[parts.count - 1].append(c)
            i += 1
        }
        return parts
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
