/// A cheap test that a string could match a boilerplate pattern, read off the pattern itself,
/// so the regular expression runs only on strings that pass it.
///
/// - `contains`: the longest plain literal every match must contain ("abone ol" in
///   `.{0,40}abone ol`), when it has at least `minLiteralBytes` bytes;
/// - `startsWith`: the plain prefixes a match must begin with ("subscribe" in
///   `subscribe( now)?`, "read more" and "see also" in `(read more|see also):? .+`).
///
/// Both compare with the lowercased string, so they agree with case-insensitive matching
/// except where that relies on full case folding (ß against ss, ſ against s).
enum PatternGate: Equatable {
    case contains([UInt8])
    case startsWith([[UInt8]])

    /// Literals shorter than this (one ASCII letter) filter nothing; "©" is two bytes.
    static let minLiteralBytes = 2

    /// The gate of a pattern, or nil when it could match strings of any shape.
    init?(pattern: String) {
        if let literal = Self.requiredLiteral(pattern) {
            self = .contains(literal)
        } else if let prefixes = Self.requiredPrefixes(pattern) {
            self = .startsWith(prefixes)
        } else {
            return nil
        }
    }

    /// Whether a string, lowercased and as UTF-8, passes a `startsWith` gate (`contains`
    /// gates are tested together, by `LiteralSet`).
    func admitsPrefix(_ lowered: UnsafeBufferPointer<UInt8>) -> Bool {
        guard case let .startsWith(prefixes) = self else { return true }
        return prefixes.contains { lowered.starts(with: $0) }
    }

    /// The longest run of plain characters every match must contain, lowercased: taken at the
    /// top level only (outside groups and classes), without a character that a quantifier
    /// makes optional; nil when there is a top-level `|` or no run of `PatternGate.minLiteralBytes`.
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
              best.count >= PatternGate.minLiteralBytes else { return nil }
        return best
    }

    /// The lowercased prefixes every match starts with: the pattern's leading run of plain
    /// characters, or those of each alternative of a leading group; nil when any is empty.
    static func requiredPrefixes(_ pattern: String) -> [[UInt8]]? {
        let s = Array(pattern.unicodeScalars)
        guard !hasTopLevelAlternation(s) else { return nil }
        if let prefix = plainPrefix(s) { return [prefix] }
        guard s.first == "(", s.count > 1, s[1] != "?", let close = closingParenthesis(s),
              close + 1 == s.count || !"?*{+".unicodeScalars.contains(s[close + 1]) else { return nil }
        var prefixes: [[UInt8]] = []
        for alternative in topLevelAlternatives(Array(s[1..<close])) {
            guard let prefix = plainPrefix(alternative) else { return nil }
            prefixes.append(prefix)
        }
        return prefixes
    }

    /// The leading run of letters, digits and spaces, lowercased, without a last character that
    /// a quantifier makes optional and stopping before a letter whose lowercase is not one scalar.
    private static func plainPrefix(_ s: [Unicode.Scalar]) -> [UInt8]? {
        var run: [Unicode.Scalar] = []
        var i = 0
        while i < s.count, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == " ",
              s[i].properties.generalCategory != .nonspacingMark, String(s[i]).lowercased().unicodeScalars.count == 1 {
            run.append(s[i])
            i += 1
        }
        if i < s.count, "?*{".unicodeScalars.contains(s[i]), !run.isEmpty { run.removeLast() }
        guard !run.isEmpty else { return nil }
        return Array(String(String.UnicodeScalarView(run)).lowercased().utf8)
    }

    /// The pattern's unescaped parentheses and bars outside character classes, each with the
    /// group depth it sits at (a ')' at the depth of its own group's content).
    private static func syntax(_ s: [Unicode.Scalar]) -> [(index: Int, scalar: Unicode.Scalar, depth: Int)] {
        var out: [(index: Int, scalar: Unicode.Scalar, depth: Int)] = []
        var depth = 0, i = 0, inClass = false
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass:
                out.append((i, "(", depth))
                depth += 1
            case ")" where !inClass:
                out.append((i, ")", depth))
                depth -= 1
            case "|" where !inClass: out.append((i, "|", depth))
            default: break
            }
            i += 1
        }
        return out
    }

    /// Where the group opened by the pattern's first character closes.
    private static func closingParenthesis(_ s: [Unicode.Scalar]) -> Int? {
        syntax(s).first { $0.scalar == ")" && $0.depth == 1 }?.index
    }

    private static func topLevelAlternatives(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = []
        var start = 0
        for bar in syntax(s) where bar.scalar == "|" && bar.depth == 0 {
            parts.append(Array(s[start..<bar.index]))
            start = bar.index + 1
        }
        return parts + [Array(s[start...])]
    }

    private static func hasTopLevelAlternation(_ s: [Unicode.Scalar]) -> Bool {
        syntax(s).contains { $0.scalar == "|" && $0.depth == 0 }
    }
}
