/// Text made safe to place in an HTML page, and marked text as HTML.
///
/// Guarantees: every value from the web passes `escape` (no markup of its own reaches the
/// page); a link is written only for an http or https URL, so a `javascript:` or `data:`
/// address in a feed is shown as text, never followed.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls other than line breaks and tabs are not text a page can hold.
                if c.value < 0x20 && c != "\n" && c != "\t" || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// `url` as a link, or as plain text when it is not http or https.
    static func link(_ url: String, text: String? = nil) -> String {
        let label = escape(text ?? url)
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return label }
        return "<a href=\"\(escape(url))\" rel=\"noreferrer noopener\">\(label)</a>"
    }

    /// Marked text as HTML: shared passages as `<mark>` (numbered, so both columns colour a
    /// passage alike), cut words as `<del>`, added words as `<ins>`.
    static func marked(_ text: MarkedText) -> String {
        text.segments.map { s in
            let body = escape(s.text)
            switch s.mark {
            case .plain: return body
            case .passage(let n): return "<mark class=\"p\(n % 6)\" data-passage=\"\(n + 1)\">\(body)</mark>"
            case .cut: return "<del>\(body)</del>"
            case .added: return "<ins>\(body)</ins>"
            case .elided: return "<span class=\"elided\">\(body)</span>"
            }
        }.joined()
    }
}
