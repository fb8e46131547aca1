import Normalizer

/// What a republisher changed between an original and its copy: the headline, and the
/// words cut (an intro, paragraphs) and added (a new lead, boilerplate), from `WordDiff`.
///
/// Guarantees: every cut and added word is shown in `lines` and in `columns`; long unchanged
/// stretches are cut short in both, and say how many words they leave out.
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

    /// Both texts side by side: the cut words marked in the original, the added ones in the
    /// copy, and each unchanged stretch of more than `2 * context + 10` words shown by its
    /// first and last `context` words round a note of how many were left out, in both.
    func columns(context: Int = 25) -> (original: MarkedText, copy: MarkedText) {
        var left: [MarkedText.Segment] = [], right: [MarkedText.Segment] = []
        // Tokens `range` with the space and punctuation after them (to the end of the text
        // for the last), so paragraphs stay apart and sentences keep their full stops.
        func piece(_ text: AnalyzedText, _ range: Range<Int>, _ mark: MarkedText.Mark) -> MarkedText.Segment {
            let utf8 = text.text.utf8, t = text.tokens
            let end = range.upperBound < t.count ? t[range.upperBound].start : utf8.count
            let from = utf8.index(utf8.startIndex, offsetBy: t[range.lowerBound].start), to = utf8.index(utf8.startIndex, offsetBy: end)
            return .init(text: String(text.text[from..<to]), mark: mark)
        }
        for run in diff.runs {
            switch run.kind {
            case .cut: left.append(piece(original, run.original, .cut))
            case .added: right.append(piece(copy, run.copy, .added))
            case .same where run.original.count > 2 * context + 10:
                let a = run.original, b = run.copy, note = "⋯ \(a.count - 2 * context) words unchanged ⋯\n"
                left += [piece(original, a.lowerBound ..< a.lowerBound + context, .plain), .init(text: note, mark: .elided),
                         piece(original, a.upperBound - context ..< a.upperBound, .plain)]
                right += [piece(copy, b.lowerBound ..< b.lowerBound + context, .plain), .init(text: note, mark: .elided),
                          piece(copy, b.upperBound - context ..< b.upperBound, .plain)]
            case .same:
                left.append(piece(original, run.original, .plain))
                right.append(piece(copy, run.copy, .plain))
            }
        }
        return (MarkedText(segments: left), MarkedText(segments: right))
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
