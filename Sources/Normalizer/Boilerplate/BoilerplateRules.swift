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
    private let expressions: [NSRegularExpression]
    public let patterns: [String]

    /// Compiles the patterns; throws a `SettingsError` naming the first invalid one.
    public init(patterns: [String]) throws(SettingsError) {
        self.patterns = patterns
        var compiled: [NSRegularExpression] = []
        for p in patterns {
            do {
                compiled.append(try NSRegularExpression(pattern: "^(?:\(p))$", options: [.caseInsensitive]))
            } catch {
                throw SettingsError(message: "boilerplate pattern \"\(p)\" is not a valid regular expression")
            }
        }
        expressions = compiled
    }

    /// True when the whole paragraph is boilerplate under one of the patterns.
    public func matches(_ paragraph: String) -> Bool {
        let range = NSRange(paragraph.startIndex..., in: paragraph)
        return expressions.contains { $0.firstMatch(in: paragraph, range: range) != nil }
    }

    /// Removes boilerplate paragraphs and title lines carrying a site suffix.
    public func clean(_ paragraphs: [String], title: String? = nil) -> [String] {
        var known = Set(paragraphs.map { $0.lowercased() })
        if let title { known.insert(title.lowercased()) }
        return paragraphs.filter { p in
            !matches(p) && !Self.isTitleWithSiteSuffix(p, known: known)
        }
    }

    static let siteSeparators = [" - ", " | ", " – ", " — ", " :: ", " » ", " · "]

    /// "Headline - Site" where "Headline" is known and "Site" has at most five words.
    static func isTitleWithSiteSuffix(_ p: String, known: Set<String>) -> Bool {
        for sep in siteSeparators {
            guard let r = p.range(of: sep, options: .backwards) else { continue }
            let head = p[..<r.lowerBound].lowercased()
            let tail = p[r.upperBound...]
            if known.contains(head), tail.split(separator: " ").count <= 5 { return true }
        }
        return false
    }
}
