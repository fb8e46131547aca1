/// Follows quotation marks through a paragraph, so each word knows whether it is quoted.
///
/// Handles “curly” and ”reversed” English quotes, "straight" quotes (which toggle),
/// «guillemets» (and »reversed« ones), and German/Turkish „low“ or „low” quotes.
/// Single quotes and apostrophes are ignored: they are too often part of a word (US’s).
/// State does not cross paragraphs, because news style reopens a quote on every paragraph.
struct QuoteTracker {
    /// The scalar values that close the open quotation (0 for "none"); both 0 when outside.
    private var closer: (UInt32, UInt32) = (0, 0)

    var isInside: Bool { closer.0 != 0 }

    /// Feeds one non-word character.
    @inline(__always)
    mutating func consume(_ s: UInt32) {
        if isInside {
            if s == closer.0 || s == closer.1 { closer = (0, 0) }
            return
        }
        switch s {
        case 0x201C: closer = (0x201D, 0x201C)   // “…” (and “…“)
        case 0x201D: closer = (0x201D, 0)        // ”…” (Swedish / sloppy)
        case 0x201E: closer = (0x201C, 0x201D)   // „…“ and „…”
        case 0x00AB: closer = (0x00BB, 0)        // «…»
        case 0x00BB: closer = (0x00AB, 0)        // »…«
        case 0x22: closer = (0x22, 0)            // "…"
        default: break
        }
    }

    mutating func reset() { closer = (0, 0) }
}
