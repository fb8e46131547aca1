/// The most characters (Unicode scalars) of text that a boilerplate pattern can match,
/// read off the pattern, so that a paragraph longer than that is never tried against it:
/// most patterns are short (`leave a (reply|comment)`) or bounded (`.{0,40}abone ol`), most
/// paragraphs are longer, and trying every short-enough paragraph against every pattern's
/// gate took a sixth of deduplicating a corpus.
///
/// Guarantees: when a length is given, no string of more scalars matches the pattern, even
/// case-insensitively: a literal character counts as many scalars as its longest case
/// mapping (`ß` matches `SS`), a class with a non-ASCII member as three. Anything outside the
/// syntax understood here (unbounded or open repeats, look-arounds, back references,
/// named classes, nested sets, inline flags) gives nil: no bound, the pattern is always tried.
enum PatternLength {
    /// The bound for `pattern`, or nil when there is none or it cannot be read.
    static func maximum(_ pattern: String) -> Int? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let length = parser.alternation(), parser.atEnd else { return nil }
        return length
    }

    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i == s.count }

        /// Alternatives up to the end or a closing parenthesis: the longest of them.
        mutating func alternation() -> Int? {
            var longest = 0
            while true {
                guard let length = sequence() else { return nil }
                longest = max(longest, length)
                guard i < s.count, s[i] == "|" else { return longest }
                i += 1
            }
        }

        /// Atoms, each with its repeat, up to `|`, `)` or the end: their sum.
        mutating func sequence() -> Int? {
            var total = 0
            while i < s.count, s[i] != "|", s[i] != ")" {
                guard let atom = atom(), let times = repeatCount() else { return nil }
                total += atom * times
            }
            return total
        }

        mutating func atom() -> Int? {
            let c = s[i]
            i += 1
            switch c {
            case "^", "$": return 0
            case ".": return 1
            case "(":
                // Only plain and non-capturing groups: `(?=`, `(?<`, `(?i)` and the like are not read.
                if i < s.count, s[i] == "?" {
                    guard i + 1 < s.count, s[i + 1] == ":" else { return nil }
                    i += 2
                }
                guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return inner
            case "[": return characterClass()
            case "\\":
                guard i < s.count else { return nil }
                let e = s[i]
                i += 1
                if "dwsDWS".unicodeScalars.contains(e) { return 1 }
                // Other letters and digits escape classes, anchors, references and code points.
                if e.properties.isAlphabetic || ("0"..."9").contains(e) { return nil }
                return Self.scalars(e)
            case "*", "+", "?", "{", ")", "|": return nil
            default: return Self.scalars(c)
            }
        }

        /// A class `[...]` (the `[` read): one scalar, or three when a member is not ASCII.
        mutating func characterClass() -> Int? {
            var ascii = true, first = true
            while i < s.count {
                let c = s[i]
                i += 1
                if c == "]" && !first { return ascii ? 1 : 3 }
                first = false
                if c == "[" { return nil }
                if c == "\\" {
                    guard i < s.count else { return nil }
                    if s[i].properties.isAlphabetic && !"dwsDWS".unicodeScalars.contains(s[i]) { return nil }
                    i += 1
                } else if !c.isASCII {
                    ascii = false
                }
            }
            return nil
        }

        /// How many times the atom just read may repeat at most: 1 without a quantifier.
        mutating func repeatCount() -> Int? {
            guard i < s.count else { return 1 }
            var times: Int
            switch s[i] {
            case "?":
                times = 1
                i += 1
            case "*", "+": return nil
            case "{":
                guard let close = s[i...].firstIndex(of: "}") else { return nil }
                let parts = String(String.UnicodeScalarView(s[(i + 1)..<close])).split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count <= 2, let last = parts.last.flatMap({ Int($0) }), parts.allSatisfy({ Int($0) != nil }) else { return nil }
                times = last
                i = close + 1
            default: return 1
            }
            // A lazy or possessive mark changes which match, not how long one can be.
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            return times
        }

        /// How many scalars of text a literal character can match case-insensitively.
        static func scalars(_ c: Unicode.Scalar) -> Int {
            let p = c.properties
            return max(1, p.lowercaseMapping.unicodeScalars.count, p.uppercaseMapping.unicodeScalars.count,
                       p.titlecaseMapping.unicodeScalars.count)
        }
    }
}
