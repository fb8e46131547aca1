/// The measured comparison of two texts, and the relation it supports, if any.
///
/// Guarantees: `jaccard` and `containment` are exact over the word-shingle sets (not
/// estimates); `containment` is |A∩B| / min(|A|, |B|); `passages` lists every shared run
/// of at least the configured length, longest first, without its words (see
/// `withPassageTexts`); `factsAgree` is false when the texts'
/// numbers or names disagree over the whole texts; `kind` is nil when the texts are not
/// duplicates under the settings used; `reason` says in a sentence why the verdict is what
/// it is (the rule that decided it, with its figures).
public struct DuplicateEvidence: Sendable, Equatable, Codable {
    public var kind: DuplicateKind?
    public var jaccard: Double
    public var containment: Double
    public var passages: [SharedPassage]
    public var factsAgree: Bool
    public var reason: String

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
