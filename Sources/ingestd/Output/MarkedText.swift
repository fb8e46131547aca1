import Normalizer

/// A text, or part of one, cut into runs to show with marks: the passages two documents
/// share, or the words a copy cut or added. The terminal views and the HTML report both
/// draw from it, so they mark the same words.
///
/// Guarantees: the segments, joined, are exactly the text written between the first and
/// the last token shown (punctuation and line breaks as written); marks never overlap.
struct MarkedText {
    enum Mark: Equatable {
        case plain
        /// Shared passage number `n` (from 0), the same number in both texts.
        case passage(Int)
        case cut
        case added
        /// A note standing for words left out.
        case elided
    }

    struct Segment {
        var text: String
        var mark: Mark
    }

    var segments: [Segment]

    /// Tokens `shown` of `text`, with the token ranges in `marks` marked (they must not
    /// overlap; a range outside `shown` is clipped). The text between marks is plain.
    init(_ text: AnalyzedText, shown: Range<Int>? = nil, marks: [(Range<Int>, Mark)]) {
        let tokens = text.tokens
        let shown = (shown ?? 0..<tokens.count).clamped(to: 0..<tokens.count)
        segments = []
        guard !shown.isEmpty else { return }
        let utf8 = Array(text.text.utf8)
        var at = tokens[shown.lowerBound].start
        let end = tokens[shown.upperBound - 1].end
        func add(_ upTo: Int, _ mark: Mark) {
            guard upTo > at else { return }
            segments.append(Segment(text: String(decoding: utf8[at..<upTo], as: UTF8.self), mark: mark))
            at = upTo
        }
        for (range, mark) in marks.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            let r = range.clamped(to: shown)
            guard !r.isEmpty, tokens[r.lowerBound].start >= at else { continue }
            add(tokens[r.lowerBound].start, .plain)
            add(tokens[r.upperBound - 1].end, mark)
        }
        add(end, .plain)
    }

    init(segments: [Segment]) { self.segments = segments }

    /// The passages of `evidence` as marks in text A (`inA`) or text B.
    static func passageMarks(_ passages: [SharedPassage], inA: Bool) -> [(Range<Int>, Mark)] {
        passages.enumerated().map { i, p in
            let start = inA ? p.startA : p.startB
            return (start ..< start + p.words, .passage(i))
        }
    }

    /// The text with marks as ANSI colours (`colour`) or as brackets: `[passage]`, `[-cut-]`, `{+added+}`.
    func rendered(colour: Bool) -> String {
        segments.map { s in
            let (open, close) = Self.delimiters(s.mark, colour: colour)
            return open + s.text + close
        }.joined()
    }

    static func delimiters(_ mark: Mark, colour: Bool) -> (String, String) {
        switch (mark, colour) {
        case (.plain, _), (.elided, _): ("", "")
        case (.passage, true): ("\u{1B}[1;33m", "\u{1B}[0m")
        case (.passage, false): ("[", "]")
        case (.cut, true): ("\u{1B}[31;9m", "\u{1B}[0m")
        case (.cut, false): ("[-", "-]")
        case (.added, true): ("\u{1B}[32m", "\u{1B}[0m")
        case (.added, false): ("{+", "+}")
        }
    }

    /// The text on one line: line breaks and tabs as spaces.
    var flattened: MarkedText {
        MarkedText(segments: segments.map {
            Segment(text: String($0.text.map { $0.isNewline || $0 == "\t" ? " " : $0 }), mark: $0.mark)
        })
    }
}
