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

    /// Compares two texts (preparing them for comparison first); see the other `compare`.
    public func compare(_ a: AnalyzedText, _ b: AnalyzedText, isCommon: (UInt64) -> Bool = { _ in false }) -> DuplicateEvidence {
        compare(prepare(a), prepare(b), isCommon: isCommon)
    }

    /// A text prepared for `compare` with these settings (`facts` are its own, if known).
    public func prepare(_ text: AnalyzedText, facts: TextFacts? = nil) -> ComparableText {
        ComparableText(text, facts: facts, winnowWindow: settings.winnowWindow)
    }

    /// Compares `a` with `b`. `isCommon` says whether a passage fingerprint is too common
    /// across the archive to count as evidence.
    public func compare(_ a: ComparableText, _ b: ComparableText, isCommon: (UInt64) -> Bool = { _ in false }) -> DuplicateEvidence {
        if a.analyzed.text == b.analyzed.text {
            return DuplicateEvidence(kind: .exact, jaccard: 1, containment: 1, passages: [], factsAgree: true)
        }
        let overlap = ShingleOverlap(a, b, minWords: settings.passageMinWords)
        let shared = overlap.sharedShingles
        let union = a.distinctShingles + b.distinctShingles - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        let smaller = min(a.distinctShingles, b.distinctShingles)
        let containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)

        let passages = overlap.runs.map { run in passage(run, a: a, b: b, isCommon: isCommon) }

        var kind: DuplicateKind?
        let shorterWords = min(a.analyzed.tokens.count, b.analyzed.tokens.count)
        let factsAgree = factsAgree(a.numbers, b.numbers) && factsAgree(a.names, b.names)
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

    /// False only when `compare(a, b)` certainly finds that the facts disagree, judged
    /// from `a`'s facts and `b`'s sketch alone (so neither text need be prepared or read).
    public func mayRelate(_ a: TextFacts, to b: FactSketch) -> Bool {
        mayAgree(a.numbers, b.numbers, b.numberCount) && mayAgree(a.names, b.names, b.nameCount)
    }

    private func mayAgree(_ x: [UInt64], _ filter: UInt64, _ count: UInt16) -> Bool {
        let smaller = min(x.count, Int(count))
        guard smaller >= settings.factMinCount, count < UInt16.max else { return true }
        let atMost = x.reduce(0) { $0 + (filter & FactSketch.bit($1) != 0 ? 1 : 0) }
        return Double(min(atMost, smaller)) / Double(smaller) >= settings.factMinAgreement
    }

    /// True unless both texts state at least `factMinCount` facts of this kind and fewer
    /// than `factMinAgreement` of the smaller set appear in the other.
    private func factsAgree(_ x: [UInt64], _ y: [UInt64]) -> Bool {
        let smaller = min(x.count, y.count)
        guard smaller >= settings.factMinCount else { return true }
        return Double(x.sharedCount(withSorted: y)) / Double(smaller) >= settings.factMinAgreement
    }

    private func passage(_ run: ShingleOverlap.Run, a: ComparableText, b: ComparableText, isCommon: (UInt64) -> Bool) -> SharedPassage {
        let rangeA = run.startA..<(run.startA + run.words)
        let rangeB = run.startB..<(run.startB + run.words)
        let quotedA = a.analyzed.tokens[rangeA].reduce(0) { $0 + ($1.quoted ? 1 : 0) }
        let quotedB = b.analyzed.tokens[rangeB].reduce(0) { $0 + ($1.quoted ? 1 : 0) }
        // A quotation shared by independent reports stands inside quotes in both texts;
        // a wire passage that one outlet partly quotes is still wire evidence.
        let quoted = quotedA * 2 > run.words && quotedB * 2 > run.words
        // Distinctive when some winnowed fingerprint wholly inside the run is not common.
        let lastShingle = run.startA + run.words - a.analyzed.shingleWords
        let distinctive = a.winnowed.contains { $0.position >= run.startA && $0.position <= lastShingle && !isCommon($0.hash) }
        return SharedPassage(text: "", startA: run.startA, startB: run.startB,
                             words: run.words, quoted: quoted, distinctive: distinctive)
    }
}
