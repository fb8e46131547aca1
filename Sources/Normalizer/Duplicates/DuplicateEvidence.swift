/// The measured comparison of two texts, and the relation it supports, if any.
///
/// Guarantees: `jaccard` and `containment` are exact over the word-shingle sets (not
/// estimates); `containment` is |A∩B| / min(|A|, |B|); `passages` lists every shared run
/// of at least the configured length, longest first, without its words (see
/// `withPassageTexts`); `factsAgree` is false when the texts'
/// numbers or names disagree over the whole texts; `kind` is nil when the texts are not
/// duplicates under the settings used; `reason` says in a sentence why the verdict is what
/// it is (the rule that decided it, with its figures), written only when asked for: every
/// candidate of every text is judged, and few verdicts are ever shown.
public struct DuplicateEvidence: Sendable, Equatable, Codable {
    /// The rule that decided, with the figures its sentence needs.
    public enum Rule: Sendable, Equatable, Codable {
        case sameText
        case jaccard(threshold: Double)
        case containment(threshold: Double)
        /// Enough wire passages that do not stop at differing facts (`clean` of `needed`).
        case passages(clean: Int, needed: Int, factsDiffer: Bool)
        /// Too few such passages: `wire` count as wire evidence, `clean` of them do not
        /// stop at differing facts.
        case tooFewPassages(wire: Int, clean: Int, needed: Int)
        /// Similar enough to be copies, but `commonPrints` of the `prints` fingerprints inside
        /// the shared passages are common across the archive (a template's fixed wording),
        /// and `wire` distinctive passages are too few.
        case templateFrame(commonPrints: Int, prints: Int, wire: Int, needed: Int)
    }

    public var kind: DuplicateKind?
    public var jaccard: Double
    public var containment: Double
    public var passages: [SharedPassage]
    public var factsAgree: Bool
    public var rule: Rule

    public var reason: String {
        switch rule {
        case .sameText: return "the same text"
        case let .jaccard(threshold): return String(format: "Jaccard %.2f ≥ %.2f", jaccard, threshold)
        case let .containment(threshold): return String(format: "containment %.2f ≥ %.2f", containment, threshold)
        case let .passages(clean, needed, factsDiffer):
            return "\(clean) distinctive shared passages that are not quotations and do not stop at differing "
                + "numbers or names (needs \(needed))"
                + (factsDiffer ? "; the texts' other numbers and names differ: background of their own" : "")
        case let .tooFewPassages(wire, clean, needed):
            return Self.notDuplicates(passages, wire: wire, clean: clean, needed: needed)
        case let .templateFrame(commonPrints, prints, wire, needed):
            return "\(commonPrints) of the \(prints) fingerprints in the shared passages are common across the archive "
                + "(a template's fixed wording around other values), and only \(wire) distinctive passage\(wire == 1 ? "" : "s") (needs \(needed))"
        }
    }

    /// Why a pair is not related, most telling reason first.
    private static func notDuplicates(_ passages: [SharedPassage], wire: Int, clean: Int, needed: Int) -> String {
        if passages.isEmpty { return "no shared run long enough to count" }
        if wire == 0 {
            let quoted = passages.filter(\.quoted).count
            if quoted == passages.count { return "the shared passages are quotations" }
            return quoted == 0 ? "the shared passages are common across the archive (stock phrases, boilerplate)"
                : "the shared passages are quotations or common across the archive"
        }
        if clean == wire { return "only \(wire) distinctive shared passage\(wire == 1 ? "" : "s") (needs \(needed))" }
        return "\(wire - clean) of the \(wire) distinctive shared passages stop at differing numbers or names "
            + "(templated wording around other values); \(clean) do not (needs \(needed), and more than those that do)"
    }

    /// The same evidence with each passage's words, read from `a`, the first text compared.
    public func withPassageTexts(from a: AnalyzedText) -> DuplicateEvidence {
        var out = self
        for i in out.passages.indices {
            let p = out.passages[i]
            out.passages[i].text = a.excerpt(p.startA..<(p.startA + p.words))
        }
        return out
    }

    /// The passages that count as wire evidence.
    public var wirePassages: [SharedPassage] { passages.filter(\.isWireEvidence) }
}
