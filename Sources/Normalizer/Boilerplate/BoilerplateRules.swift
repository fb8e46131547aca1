import Foundation

/// Phrase rules that recognise boilerplate paragraphs ("Abone Ol", "Leave a Reply", …).
///
/// Each pattern is a regular expression that must match a *whole* normalized paragraph,
/// case-insensitively, so a rule can never cut a sentence out of an article paragraph:
/// it removes the paragraph only when the paragraph is nothing but the boilerplate.
/// Besides the patterns, a paragraph that repeats another paragraph plus a short site
/// suffix ("Headline - Site Name") is dropped as the page's title line.
public struct BoilerplateRules: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expression: NSRegularExpression?
    public let patterns: [String]

    /// A paragraph longer than this is never boilerplate: every built-in pattern is shorter,
    /// and a long paragraph is text. Skipping them keeps matching off the hot path.
    public static let maxBoilerplateCharacters = 400

    /// Compiles the patterns into one alternation; throws a `SettingsError` naming the
    /// first invalid pattern.
    public init(patterns: [String]) throws(SettingsError) {
        self.patterns = patterns
        for p in patterns where (try? NSRegularExpression(pattern: p)) == nil {
            throw SettingsError(message: "boilerplate pattern \"\(p)\" is not a valid regular expression")
        }
        let alternation = patterns.map { "(?:\($0))" }.joined(separator: "|")
        expression = patterns.isEmpty ? nil : try? NSRegularExpression(pattern: "^(?:\(alternation))$", options: [.caseInsensitive])
    }

    /// True when the whole paragraph is boilerplate under one of the patterns.
    public func matches(_ paragraph: String) -> Bool {
        guard let expression, paragraph.utf16.count <= Self.maxBoilerplateCharacters else { return false }
        return expression.firstMatch(in: paragraph, range: NSRange(paragraph.startIndex..., in: paragraph)) != nil
    }

    /// Removes boilerplate paragraphs and title lines carrying a site suffix.
    public func clean(_ paragraphs: [String], title: String? = nil) -> [String] {
        let suffixed = paragraphs.filter(Self.hasSiteSeparator)
        var known = Set<String>()
        if !suffixed.isEmpty {
            known = Set(paragraphs.map { $0.lowercased() })
            if let title { known.insert(title.lowercased()) }
        }
        return paragraphs.filter { p in
            !matches(p) && !(Self.hasSiteSeparator(p) && Self.isTitleWithSiteSuffix(p, known: known))
        }
    }

    private static func hasSiteSeparator(_ p: String) -> Bool {
        // Byte search: Foundation's `contains(String)` bridges to NSString and is slow.
        p.utf8.count <= maxBoilerplateCharacters * 4 && !separatorRanges(p).isEmpty
    }

    static let siteSeparators = [" - ", " | ", " – ", " — ", " :: ", " » ", " · "]
    private static let separatorBytes = siteSeparators.map { Array($0.utf8) }

    /// Where each site separator occurs in `p`, as UTF-8 offsets of (start, end), in order.
    static func separatorRanges(_ p: String) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        let bytes = Array(p.utf8)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x20, let sep = separatorBytes.first(where: { bytes.count - i >= $0.count && bytes[i..<i + $0.count].elementsEqual($0) }) {
                out.append((i, i + sep.count))
            }
            i += 1
        }
        return out
    }

    /// "Headline - Site" where "Headline" is known and "Site" has at most five words.
    static func isTitleWithSiteSuffix(_ p: String, known: Set<String>) -> Bool {
        let bytes = Array(p.utf8)
        for (start, end) in separatorRanges(p).reversed() {
            let head = String(decoding: bytes[..<start], as: UTF8.self).lowercased()
            let tail = bytes[end...]
            if known.contains(head), tail.split(separator: 0x20).count <= 5 { return true }
        }
        return false
    }
}
