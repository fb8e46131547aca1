/// Follows quotation marks through a paragraph, so each word knows whether it is quoted.
///
/// Handles “curly” and ”reversed” English quotes, "straight" quotes (which toggle),
/// «guillemets» (and »reversed« ones), and German/Turkish „low“ or „low” quotes.
/// Single quotes and apostrophes are ignored: they are too often part of a word (US’s).
/// State does not cross paragraphs, because news style reopens a quote on every paragraph.
struct QuoteTracker {
    private var closer: Set<Unicode.Scalar>?

    var isInside: Bool { closer != nil }

    /// Feeds one non-word character; returns true if it was a quotation mark.
    mutating func consume(_ s: Unicode.Scalar) {
        if let closing = closer {
            if closing.contains(s) { closer = nil }
            return
        }
        switch s {
        case "\u{201C}": closer = ["\u{201D}", "\u{201C}"]      // “…” (and “…“)
        case "\u{201D}": closer = ["\u{201D}"]                   // ”…” (Swedish / sloppy)
        case "\u{201E}": closer = ["\u{201C}", "\u{201D}"]       // „…“ and „…”
        case "\u{00AB}": closer = ["\u{00BB}"]                   // «…»
        case "\u{00BB}": closer = ["\u{00AB}"]                   // »…«
        case "\"": closer = ["\""]
        default: break
        }
    }

    mutating func reset() { closer = nil }
}
