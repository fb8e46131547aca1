import Foundation
import Markup

/// The repairs and guesses a feed reader applies to every text value, as feedparser does.
enum FeedTextRepair {
    /// Mojibake and Windows-1252 fixes: UTF-8 that was read as ISO-8859-1 is read again as
    /// UTF-8, and C1 controls (U+0080–U+009F, never meant as such) become the Windows-1252
    /// characters at those bytes (curly quotes, dashes, the euro sign).
    static func repair(_ s: String) -> String {
        var out = s
        let scalars = s.unicodeScalars
        if scalars.contains(where: { $0.value >= 0x80 }), scalars.allSatisfy({ $0.value <= 0xFF }) {
            let bytes = scalars.map { UInt8($0.value) }
            if let reread = String(validating: bytes, as: UTF8.self) { out = reread }
        }
        guard out.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return out }
        var fixed = String.UnicodeScalarView()
        for scalar in out.unicodeScalars {
            if let mapped = windows1252[scalar.value], let replacement = Unicode.Scalar(mapped) {
                fixed.append(replacement)
            } else {
                fixed.append(scalar)
            }
        }
        return String(fixed)
    }

    private static let windows1252: [UInt32: UInt32] = [
        128: 0x20AC, 130: 0x201A, 131: 0x192, 132: 0x201E, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x2C6,
        137: 0x2030, 138: 0x160, 139: 0x2039, 140: 0x152, 142: 0x17D, 145: 0x2018, 146: 0x2019, 147: 0x201C,
        148: 0x201D, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x2DC, 153: 0x2122, 154: 0x161, 155: 0x203A,
        156: 0x153, 158: 0x17E, 159: 0x178,
    ]

    /// Whether text declared (or assumed) plain is really HTML: it has a closing tag or a
    /// character reference, every tag is a common HTML element and every named reference is
    /// an HTML one. Errs towards plain text, since a false HTML guess loses text.
    static func looksLikeHTML(_ s: String) -> Bool {
        guard s.hasASCII("<") || s.hasASCII("&") else { return false }
        guard s.range(of: #"</\w+>"#, options: .regularExpression) != nil
            || s.range(of: #"&#?\w+;"#, options: .regularExpression) != nil else { return false }
        for tag in matches(#"</?(\w+)"#, in: s) where !htmlElements.contains(tag.lowercased()) { return false }
        for name in matches(#"&(\w+);"#, in: s) where HTMLEntities.codePoint(named: name) == nil { return false }
        return true
    }

    private static func matches(_ pattern: String, in s: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = s as NSString
        return regex.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
    }

    /// The elements feedparser's sanitizer accepts.
    private static let htmlElements: Set<String> = Set("""
        a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite code col \
        colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source fieldset figcaption \
        figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map menu meter \
        multicol nav nextid noscript ol optgroup option output p pre progress q s samp section select small sound source \
        spacer span strike strong sub sup table tbody td textarea tfoot th thead time tr tt u ul var video
        """.split(separator: " ").map(String.init))
}
