import Foundation

/// Whole-string, case-insensitive matching against many regular expressions at once, running
/// only the expressions whose `PatternGate` the string passes.
///
/// Patterns with a gate are compiled one by one; the rest share one alternation that every
/// string is tried against. The literals of all `contains` gates are looked for in one pass
/// (`LiteralSet`). A gated pattern is not tried on a string longer than it can match
/// (`PatternLength`): the gates are grouped in tiers of string length, each holding the
/// patterns that can match some string of that tier. Guarantee: the same answer as
/// `^(?:p1|p2|…)$` matched case-insensitively, within the case-folding caveat of
/// `PatternGate`. Thread-safe: NSRegularExpression is immutable once made. A class: every
/// short paragraph of every text is matched, and a struct of arrays was copied (retained and
/// released) for each.
final class PhraseMatcher: @unchecked Sendable {
    private let gated: [(gate: PatternGate, expression: NSRegularExpression)]
    private let ungated: NSRegularExpression?
    private let tiers: [Tier]

    /// The gates of the patterns that can match a string of more than the tier before's
    /// `bound` scalars and at most this one's.
    private struct Tier {
        let bound: Int
        /// The literals of the `contains` gates, and for each the index of its pattern in `gated`.
        let literals: LiteralSet
        let literalPattern: [Int]
        /// The indexes in `gated` of the `startsWith` gates.
        let prefixed: [Int]
    }

    /// The tiers' upper bounds, in scalars.
    static let tierBounds = [40, 80, 120, 160, Int.max]

    init(patterns: [String]) {
        var gated: [(gate: PatternGate, expression: NSRegularExpression)] = []
        var longest: [Int] = []
        var ungated: [String] = []
        for p in patterns {
            if let gate = PatternGate(pattern: p), let e = Self.compile([p]) {
                gated.append((gate, e))
                longest.append(PatternLength.maximum(p) ?? .max)
            } else {
                ungated.append(p)
            }
        }
        self.gated = gated
        self.ungated = Self.compile(ungated)
        tiers = Self.tierBounds.indices.map { t in
            let above = t == 0 ? 0 : Self.tierBounds[t - 1]
            var literals: [[UInt8]] = [], literalPattern: [Int] = [], prefixed: [Int] = []
            for (i, g) in gated.enumerated() where longest[i] > above {
                switch g.gate {
                case let .contains(literal):
                    literals.append(literal)
                    literalPattern.append(i)
                case .startsWith: prefixed.append(i)
                }
            }
            return Tier(bound: Self.tierBounds[t], literals: LiteralSet(literals), literalPattern: literalPattern, prefixed: prefixed)
        }
    }

    func matches(_ s: String) -> Bool {
        if let ungated, Self.whole(ungated, s) { return true }
        guard !gated.isEmpty else { return false }
        return Self.withLowercasedBytes(s) { lowered, scalars in
            let tier = tiers.first { scalars <= $0.bound }!
            for i in tier.prefixed where gated[i].gate.admitsPrefix(lowered) && Self.whole(gated[i].expression, s) { return true }
            return tier.literals.present(in: lowered).contains { Self.whole(gated[tier.literalPattern[$0]].expression, s) }
        }
    }

    /// Lowercased UTF-8, and the string's length in scalars: on bytes, into a temporary
    /// buffer (every short paragraph of every text comes here), unless some scalar needs
    /// the full algorithm (`ByteLowercase`); then through `lowercased()`.
    private static func withLowercasedBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> R) -> R {
        var s = s
        let fast: R? = s.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> R? in
                guard let base = out.baseAddress, let (count, scalars) = ByteLowercase.lowercase(bytes, into: base) else { return nil }
                return body(UnsafeBufferPointer(start: base, count: count), scalars)
            }
        }
        if let fast { return fast }
        let scalars = s.utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return Array(s.lowercased().utf8).withUnsafeBufferPointer { body($0, scalars) }
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
