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
        // A scalar scan first: Foundation's `contains(String)` bridges to NSString and is slow.
        p.utf16.count <= maxBoilerplateCharacters && p.unicodeScalars.contains { separatorMarks.contains($0) }
            && siteSeparators.contains { p.contains($0) }
    }

    static let siteSeparators = [" - ", " | ", " – ", " — ", " :: ", " » ", " · "]
    private static let separatorMarks: Set<Unicode.Scalar> = ["-", "|", "–", "—", ":", "»", "·"]

    /// "Headline - Site" where "Headline" is known and "Site" has at most five words.
    static func isTitleWithSiteSuffix(_ p: String, known: Set<String>) -> Bool {
        for sep in siteSeparators {
            guard let r = p.ranges(of: sep).last else { continue }
            let head = p[..<r.lowerBound].lowercased()
            let tail = p[r.upperBound...]
            if known.contains(head), tail.split(separator: " ").count <= 5 { return true }
        }
        return false
    }
}
