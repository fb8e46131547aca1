import Foundation

/// Whole-string, case-insensitive matching against many regular expressions at once, running
/// only the expressions whose `PatternGate` the string passes.
///
/// Patterns with a gate are compiled one by one; the rest share one alternation that every
/// string is tried against. The literals of all `contains` gates are looked for in one pass
/// (`LiteralSet`). Guarantee: the same answer as `^(?:p1|p2|…)$` matched
/// case-insensitively, within the case-folding caveat of `PatternGate`. Thread-safe:
/// NSRegularExpression is immutable once made. A class: every short paragraph of every
/// text is matched, and a struct of arrays was copied (retained and released) for each.
final class PhraseMatcher: @unchecked Sendable {
    private let gated: [(gate: PatternGate, expression: NSRegularExpression)]
    private let ungated: NSRegularExpression?
    /// The literals of the `contains` gates, and for each the index of its pattern in `gated`.
    private let literals: LiteralSet
    private let literalPattern: [Int]
    /// The indexes in `gated` of the `startsWith` gates.
    private let prefixed: [Int]

    init(patterns: [String]) {
        var gated: [(gate: PatternGate, expression: NSRegularExpression)] = []
        var ungated: [String] = []
        for p in patterns {
            if let gate = PatternGate(pattern: p), let e = Self.compile([p]) { gated.append((gate, e)) } else { ungated.append(p) }
        }
        self.gated = gated
        self.ungated = Self.compile(ungated)
        var literals: [[UInt8]] = [], literalPattern: [Int] = [], prefixed: [Int] = []
        for (i, g) in gated.enumerated() {
            switch g.gate {
            case let .contains(literal):
                literals.append(literal)
                literalPattern.append(i)
            case .startsWith: prefixed.append(i)
            }
        }
        self.literals = LiteralSet(literals)
        self.literalPattern = literalPattern
        self.prefixed = prefixed
    }

    func matches(_ s: String) -> Bool {
        if let ungated, Self.whole(ungated, s) { return true }
        guard !gated.isEmpty else { return false }
        return Self.withLowercasedBytes(s) { lowered in
            for i in prefixed where gated[i].gate.admits(lowered) && Self.whole(gated[i].expression, s) { return true }
            return literals.present(in: lowered).contains { Self.whole(gated[literalPattern[$0]].expression, s) }
        }
    }

    /// Lowercased UTF-8: ASCII on bytes, into a temporary buffer (every short paragraph of
    /// every text comes here); anything else through `lowercased()`.
    private static func withLowercasedBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var s = s
        let ascii: R? = s.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> R? in
                for (i, b) in bytes.enumerated() {
                    if b >= 0x80 { return nil }
                    out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return body(UnsafeBufferPointer(out))
            }
        }
        if let ascii { return ascii }
        return Array(s.lowercased().utf8).withUnsafeBufferPointer(body)
    }

    private static func whole(_ e: NSRegularExpression, _ s: String) -> Bool {
        e.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    private static func compile(_ patterns: [String]) -> NSRegularExpression? {
        guard !patterns.isEmpty else { return nil }
        let alternation = patterns.map { "(?:\($0))" }.joined(separator: "|")
        return try? NSRegularExpression(pattern: "^(?:\(alternation))$", options: [.caseInsensitive])
    }
}
