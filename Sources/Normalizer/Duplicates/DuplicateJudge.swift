/// Decides whether two texts are duplicates, and shows why.
///
/// Guarantees: the result is symmetric in its measurements (Jaccard, containment and the
/// set of shared passages do not depend on argument order). Wire evidence is a shared run
/// of ≥ `passageMinWords` words that is distinctive (not common across the archive) and
/// not a quotation (mostly quoted in both texts). When the texts' numbers and names agree
/// (`factMinAgreement`), a pair is `syndicated` when Jaccard ≥ `syndicatedJaccard`, or
/// containment ≥ `syndicatedContainment` and the shorter text has at least
/// `syndicatedMinWords` words. Whether they agree or not (a rewrite adds another story's
/// background, with its own facts), a pair is otherwise `shared-wire-passages` when at
/// least `passageMinCount` wire passages do not stop at differing numbers or names, and
/// they outnumber those that do: a template's fixed wording stops at its slots, a wire
/// passage at the rewriter's own words. Jaccard and containment do not count when the
/// texts share several passages, some stopping at differing facts, and most fingerprints
/// inside them are common across the archive: that is a template's fixed wording around
/// its values, shared by its many items, each of them a story of its own. Quote-only overlap
/// never makes a relation.
/// `reason` states the rule that decided.
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
        if a.text == b.text {
            return DuplicateEvidence(kind: .exact, jaccard: 1, containment: 1, passages: [], factsAgree: true, rule: .sameText)
        }
        let overlap = ShingleOverlap(a, b, minWords: settings.passageMinWords)
        let shared = overlap.sharedShingles
        let union = a.distinctShingles + b.distinctShingles - shared
        let jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        let smaller = min(a.distinctShingles, b.distinctShingles)
        let containment = smaller == 0 ? 0 : Double(shared) / Double(smaller)

        var prints = (inside: 0, common: 0)
        let passages = overlap.runs.map { run in passage(run, a: a, b: b, isCommon: isCommon, prints: &prints) }

        let shorterWords = min(a.wordCount, b.wordCount)
        let factsAgree = factsAgree(a.numbers, b.numbers) && factsAgree(a.names, b.names)
        let (kind, rule) = verdict(jaccard: jaccard, containment: containment, shorterWords: shorterWords,
                                     passages: passages, prints: prints, factsAgree: factsAgree)
        return DuplicateEvidence(kind: kind, jaccard: jaccard, containment: containment, passages: passages,
                                 factsAgree: factsAgree, rule: rule)
    }

    /// The rule of the type's guarantees, and which part of it decided.
    private func verdict(jaccard: Double, containment: Double, shorterWords: Int, passages: [SharedPassage],
                         prints: (inside: Int, common: Int), factsAgree: Bool) -> (DuplicateKind?, DuplicateEvidence.Rule) {
        let wire = passages.filter(\.isWireEvidence)
        let clean = wire.filter { !$0.slotBounded }.count, needed = settings.passageMinCount
        let passagesHold = clean >= needed && clean > wire.count - clean
        // A template's items share its fixed wording, which its many items make common across
        // the archive, in runs broken by the values they fill in differently; a copy shares
        // its own story, which is distinctive, or, copying a templated item, the item whole
        // (one run, whatever its edges). Counted in fingerprints, not passages: two items that
        // drew some of the same values share runs that hold both.
        let frame = prints.common * 2 > prints.inside && passages.count >= 2 && passages.contains(where: \.slotBounded)
        let copyRule: DuplicateEvidence.Rule? = if jaccard >= settings.syndicatedJaccard {
            .jaccard(threshold: settings.syndicatedJaccard)
        } else if containment >= settings.syndicatedContainment && shorterWords >= settings.syndicatedMinWords {
            .containment(threshold: settings.syndicatedContainment)
        } else { nil }
        if factsAgree, !frame, let copyRule { return (.syndicated, copyRule) }
        if passagesHold { return (.sharedWirePassages, .passages(clean: clean, needed: needed, factsDiffer: !factsAgree)) }
        if factsAgree, frame, copyRule != nil {
            return (nil, .templateFrame(commonPrints: prints.common, prints: prints.inside, wire: wire.count, needed: needed))
        }
        return (nil, .tooFewPassages(wire: wire.count, clean: clean, needed: needed))
    }

    /// True unless both texts state at least `factMinCount` facts of this kind and fewer
    /// than `factMinAgreement` of the smaller set appear in the other.
    private func factsAgree(_ x: [UInt64], _ y: [UInt64]) -> Bool {
        let smaller = min(x.count, y.count)
        guard smaller >= settings.factMinCount else { return true }
        return Double(x.sharedCount(withSorted: y)) / Double(smaller) >= settings.factMinAgreement
    }

    /// One shared run as a passage; adds its winnowed fingerprints, and how many of them are common, to `prints`.
    private func passage(_ run: ShingleOverlap.Run, a: ComparableText, b: ComparableText, isCommon: (UInt64) -> Bool,
                         prints: inout (inside: Int, common: Int)) -> SharedPassage {
        let rangeA = run.startA..<(run.startA + run.words)
        let rangeB = run.startB..<(run.startB + run.words)
        let quotedA = rangeA.count { a.isQuoted($0) }
        let quotedB = rangeB.count { b.isQuoted($0) }
        // A quotation shared by independent reports stands inside quotes in both texts; a
        // wire passage that one outlet quotes is still wire evidence (the seeds' Sochi pair).
        let quoted = quotedA * 2 > run.words && quotedB * 2 > run.words
        // Distinctive when some winnowed fingerprint wholly inside the run is not common.
        let lastShingle = run.startA + run.words - a.shingleWords
        // Distinctive unless every winnowed fingerprint wholly inside the run is common (a run
        // shorter than winnowing guarantees may hold none: nothing then marks it as stock).
        var inside = 0, common = 0
        for f in a.winnowed where f.position >= run.startA && f.position <= lastShingle {
            inside += 1
            if isCommon(f.hash) { common += 1 }
        }
        let distinctive = inside == 0 || common < inside
        prints.inside += inside
        prints.common += common
        // Different facts side by side: a slot. (The words just past a run always differ.)
        // Before a run, a capitalized word counts even at a sentence start: a template's
        // sentence often opens on its slot ("Mullvad supports …", "IVPN supports …"), while a
        // run that is a whole sentence follows the last word of the sentence before it. After
        // a run it does not: every sentence that follows a whole one opens capitalized.
        func slot(_ i: Int, _ j: Int, opening: Bool) -> Bool {
            guard i >= 0, j >= 0, i < a.wordCount, j < b.wordCount, a.wordHashes[i] != b.wordHashes[j] else { return false }
            return (a.isFact(i) || (opening && a.isCapitalized(i))) && (b.isFact(j) || (opening && b.isCapitalized(j)))
        }
        let slotBounded = slot(run.startA - 1, run.startB - 1, opening: true)
            || slot(run.startA + run.words, run.startB + run.words, opening: false)
        return SharedPassage(text: "", startA: run.startA, startB: run.startB, words: run.words, quoted: quoted,
                             distinctive: distinctive, slotBounded: slotBounded)
    }
}
