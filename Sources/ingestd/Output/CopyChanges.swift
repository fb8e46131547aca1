import Normalizer

/// What a republisher changed between an original and its copy: the headline, and the
/// words cut (an intro, paragraphs) and added (a new lead, boilerplate), from `WordDiff`.
///
/// Guarantees: every cut and added word is shown in `lines` and in `marked`; unchanged
/// stretches are shown in `lines` only as context of up to `context` words round a change.
struct CopyChanges {
    let original: AnalyzedText
    let copy: AnalyzedText
    let diff: WordDiff
    let headline: (original: String, copy: String)?

    /// Nil when the texts differ too much to diff (see `WordDiff.maxEdits`).
    init?(original: AnalyzedText, copy: AnalyzedText, titles: (String?, String?)) {
        guard let diff = WordDiff(original, copy) else { return nil }
        self.original = original
        self.copy = copy
        self.diff = diff
        let (a, b) = (titles.0 ?? "", titles.1 ?? "")
        headline = a == b ? nil : (a, b)
    }

    /// Words kept, cut and added.
    var counts: (kept: Int, cut: Int, added: Int) {
        let edits = diff.edits
        return (original.tokens.count - edits.cut, edits.cut, edits.added)
    }

    /// Both texts whole: the cut words marked in the original, the added ones in the copy.
    var marked: (original: MarkedText, copy: MarkedText) {
        (MarkedText(original, marks: diff.runs.filter { $0.kind == .cut }.map { ($0.original, .cut) }),
         MarkedText(copy, marks: diff.runs.filter { $0.kind == .added }.map { ($0.copy, .added) }))
    }

    /// The changes for a terminal: a summary line, the headline when it changed, then each
    /// stretch of changes on a line of its own with `context` unchanged words either side.
    func lines(colour: Bool, context: Int = 6) -> [String] {
        let (kept, cut, added) = counts
        var lines = ["the copy keeps \(kept) of the original's \(original.tokens.count) words, cuts \(cut) and adds \(added)"
            + (colour ? "" : " (shown [-cut-] and {+added+})")]
        if let headline {
            let old = MarkedText.delimiters(.cut, colour: colour), new = MarkedText.delimiters(.added, colour: colour)
            lines.append("  headline: " + old.0 + headline.original + old.1 + " " + new.0 + headline.copy + new.1)
        }
        for hunk in hunks(context: context) {
            lines.append("  at word \(hunk.first!.original.lowerBound + 1): " + stream(hunk, context: context).flattened.rendered(colour: colour))
        }
        return lines
    }

    /// The runs grouped into stretches of changes: two changes share a stretch when fewer
    /// than `2 * context` unchanged words part them.
    private func hunks(context: Int) -> [[WordDiff.Run]] {
        var hunks: [[WordDiff.Run]] = []
        var current: [WordDiff.Run] = []
        for (i, run) in diff.runs.enumerated() {
            if run.kind != .same {
                current.append(run)
            } else if !current.isEmpty, run.original.count < 2 * context, i < diff.runs.count - 1 {
                current.append(run)
            } else if !current.isEmpty {
                hunks.append(current)
                current = []
            }
        }
        if !current.isEmpty { hunks.append(current) }
        return hunks
    }

    /// One stretch as a single marked line: context from the original, unchanged and cut
    /// words from the original, added words from the copy.
    private func stream(_ hunk: [WordDiff.Run], context: Int) -> MarkedText {
        var segments: [MarkedText.Segment] = []
        func add(_ text: AnalyzedText, _ range: Range<Int>, _ mark: MarkedText.Mark) {
            guard !range.isEmpty else { return }
            segments.append(.init(text: (segments.isEmpty ? "" : " ") + text.excerpt(range), mark: mark))
        }
        let start = hunk.first!.original.lowerBound, end = hunk.last!.original.upperBound
        if start > 0 { segments.append(.init(text: "…", mark: .plain)) }
        add(original, max(0, start - context) ..< start, .plain)
        for run in hunk {
            switch run.kind {
            case .same: add(original, run.original, .plain)
            case .cut: add(original, run.original, .cut)
            case .added: add(copy, run.copy, .added)
            }
        }
        add(original, end ..< min(original.tokens.count, end + context), .plain)
        if end + context < original.tokens.count { segments.append(.init(text: " …", mark: .plain)) }
        return MarkedText(segments: segments)
    }
}
