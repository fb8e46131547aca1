/// Decides whether two texts are duplicates, and shows why.
///
/// Guarantees: the result is symmetric in its measurements (Jaccard, containment and the
/// set of shared passages do not depend on argument order); a pair is `syndicated` when
/// Jaccard ≥ `syndicatedJaccard`, or containment ≥ `syndicatedContainment` and the shorter
/// text has at least `syndicatedMinWords` words; otherwise `shared-wire-passages` when at
/// least `passageMinCount` shared runs of ≥ `passageMinWords` words are distinctive and
/// not quotations (mostly quoted in both texts). Quote-only overlap never makes a relation,
/// and neither does any overlap between texts whose numbers or names disagree (templated
/// items: see `factMinAgreement`).
public struct DuplicateJudge: Sendable {
    public let settings: DuplicateSettings

    public init(settings: DuplicateSettings) {
        self.settings = settings
    }

    /// Compares `a` with `b`. `isCommon` says whether a passage fingerprint is too common
    /// across the archive to count as evidence.
    public func compare(_ a: AnalyzedText, _ b: AnalyzedText, isCommon: (UInt64) -> Bool = { _ in false }) -> DuplicateEvidence {
        if a.text == b.text {
            return DuplicateEvidence(kind: .exact, jaccard: 1, containment: 1, passages: [], factsAgree: true)
        }
        let shared = a.sharedShingles(with: b)
        let union = a.shingleSet.count + b.shingleSet.count - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        let smaller = min(a.shingleSet.count, b.shingleSet.count)
        let containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)

        let passages = SharedRunFinder(a: a, b: b, minWords: settings.passageMinWords)
            .runs()
            .map { run in passage(run, a: a, b: b, isCommon: isCommon) }

        var kind: DuplicateKind?
        let shorterWords = min(a.tokens.count, b.tokens.count)
        let factsAgree = factsAgree(a, b, .number) && factsAgree(a, b, .name)
        if !factsAgree {
            kind = nil
        } else if jaccard >= settings.syndicatedJaccard
            || (containment >= settings.syndicatedContainment && shorterWords >= settings.syndicatedMinWords) {
            kind = .syndicated
        } else if passages.filter(\.isWireEvidence).count >= settings.passageMinCount {
            kind = .sharedWirePassages
        }
        return DuplicateEvidence(kind: kind, jaccard: jaccard, containment: containment, passages: passages,
                                 factsAgree: factsAgree)
    }

    /// True unless both texts state at least `factMinCount` facts of this kind and fewer
    /// than `factMinAgreement` of the smaller set appear in the other.
    private func factsAgree(_ a: AnalyzedText, _ b: AnalyzedText, _ kind: Token.Fact) -> Bool {
        let x = Set(a.tokens.lazy.filter { $0.fact == kind }.map(\.hash))
        let y = Set(b.tokens.lazy.filter { $0.fact == kind }.map(\.hash))
        let smaller = min(x.count, y.count)
        guard smaller >= settings.factMinCount else { return true }
        return Double(x.intersection(y).count) / Double(smaller) >= settings.factMinAgreement
    }

    private func passage(_ run: SharedRunFinder.Run, a: AnalyzedText, b: AnalyzedText, isCommon: (UInt64) -> Bool) -> SharedPassage {
        let rangeA = run.startA..<(run.startA + run.words)
        let rangeB = run.startB..<(run.startB + run.words)
        let quotedA = a.tokens[rangeA].filter(\.quoted).count
        let quotedB = b.tokens[rangeB].filter(\.quoted).count
        // A quotation shared by independent reports stands inside quotes in both texts;
        // a wire passage that one outlet partly quotes is still wire evidence.
        let quoted = quotedA * 2 > run.words && quotedB * 2 > run.words
        // Distinctive when some winnowed fingerprint wholly inside the run is not common.
        let lastShingle = run.startA + run.words - a.shingleWords
        let inside = Winnowing.fingerprints(a.shingles, window: settings.winnowWindow)
            .filter { $0.position >= run.startA && $0.position <= lastShingle }
        let distinctive = inside.contains { !isCommon($0.hash) }
        return SharedPassage(text: a.excerpt(rangeA), startA: run.startA, startB: run.startB,
                             words: run.words, quoted: quoted, distinctive: distinctive)
    }
}
