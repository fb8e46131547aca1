/// Two marked texts side by side in a terminal: each wrapped at word boundaries to half
/// the width, the columns padded and divided by " │ ".
///
/// Guarantees: no line is wider than `width` characters (a word longer than a column is
/// cut); marks stay on the words they marked, as colour or as brackets.
enum Columns {
    /// The narrowest terminal that gets two columns; a narrower one gets the texts one
    /// above the other.
    static let minimumWidth = 100

    static func render(_ left: MarkedText, _ right: MarkedText, width: Int, colour: Bool) -> [String] {
        let column = (width - 3) / 2
        let a = wrap(left.flattened, column, colour: colour), b = wrap(right.flattened, column, colour: colour)
        return (0..<max(a.count, b.count)).map { i in
            let (l, lWidth) = i < a.count ? a[i] : ("", 0)
            let r = i < b.count ? b[i].text : ""
            return l + String(repeating: " ", count: column - lWidth) + " │ " + r
        }
    }

    /// Lines of at most `column` visible characters, with each line's visible width.
    private static func wrap(_ text: MarkedText, _ column: Int, colour: Bool) -> [(text: String, width: Int)] {
        var lines: [(text: String, width: Int)] = []
        var line = "", lineWidth = 0
        var spaceBefore = true
        func flush() {
            if lineWidth > 0 { lines.append((line, lineWidth)) }
            line = ""; lineWidth = 0
        }
        for segment in text.segments {
            let (open, close) = MarkedText.delimiters(segment.mark, colour: colour)
            let words = segment.text.split(separator: " ").map(String.init)
            // A segment that starts inside a word (a full stop after a passage) joins it.
            var glued = !spaceBefore && !(segment.text.first?.isWhitespace ?? true)
            spaceBefore = segment.text.last?.isWhitespace ?? spaceBefore
            for (w, var word) in words.enumerated() {
                // Colour codes go round every word and take no room; brackets go round the
                // segment once and do.
                let prefix = colour || w == 0 ? open : "", suffix = colour || w == words.count - 1 ? close : ""
                let markWidth = colour ? 0 : prefix.count + suffix.count
                if word.count + markWidth > column { word = String(word.prefix(max(column - markWidth - 1, 1))) + "…" }
                let space = lineWidth > 0 && !glued ? 1 : 0
                if lineWidth + space + word.count + markWidth > column {
                    flush()
                } else if space == 1 {
                    line += " "
                    lineWidth += 1
                }
                line += prefix + word + suffix
                lineWidth += word.count + markWidth
                glued = false
            }
        }
        flush()
        return lines
    }
}
