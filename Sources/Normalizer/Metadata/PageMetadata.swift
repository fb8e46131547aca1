import Foundation
import Timestamps

/// What a page says about itself in its head, JSON-LD and headline, before extraction.
struct PageMetadata {
    var openGraphTitle: String?
    var htmlTitle: String?
    var headline: String?
    var siteName: String?
    var canonicalURL: String?
    var language: String?
    var jsonLDBody: String?
    var description: String?
    var authors: [String] = []
    /// Date candidates, most trusted first (JSON-LD and meta before `<time>`).
    var publishedCandidates: [String] = []
    var modifiedCandidates: [String] = []

    /// Visible text where a date may be written for readers, most trusted first.
    var visibleDateTexts: [String] = []

    /// The page's own URL, when the caller knows it.
    var pageURL: String?

    /// The first declared date that parses (as a timestamp, else as a written date: "Thu,
    /// 09/25/2025 - 11:38"), else a date in the canonical or page URL, else the
    /// first date written in the visible date texts (`VisibleDate`). Never a date after
    /// tomorrow (UTC): a page cannot be published in the future.
    var published: Date? {
        let latest = Date(timeIntervalSinceNow: 86_400)
        return publishedCandidates.lazy.compactMap { TimestampParser.parse($0) ?? VisibleDate.first(in: $0, latest: latest) }.first { $0 <= latest }
            ?? [canonicalURL, pageURL].lazy.compactMap { $0.flatMap(Self.dateInURL) }.first { $0 <= latest }
            ?? visibleDateTexts.lazy.compactMap { VisibleDate.first(in: $0, latest: latest) }.first
    }

    /// `/2024/03/17/`, `/2024-03-17/` or `/20240317/` in a URL path, as midnight UTC.
    static func dateInURL(_ url: String) -> Date? {
        guard let r = url.range(of: #"/(19|20)\d\d([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(/|-|$)"#, options: .regularExpression)
        else { return nil }
        let digits = url[r].filter(\.isNumber)
        let iso = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.dropFirst(6).prefix(2))"
        return TimestampParser.parse(iso)
    }
    var modified: Date? { modifiedCandidates.lazy.compactMap(TimestampParser.parse).first }

    /// og:title, then the JSON-LD or h1 headline, then `<title>`, with a trailing
    /// " - Site Name" removed when it names the site or is at most three words.
    var title: String? {
        guard let raw = [openGraphTitle, headline, htmlTitle].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        return Self.strippingSiteSuffix(raw, siteName: siteName)
    }

    /// Adds an author unless it is empty, a URL or already there (case-insensitively).
    mutating func addAuthor(_ raw: String) {
        let name = TextNormalizer.paragraph(raw)
        guard !name.isEmpty, name.count <= 100, !name.contains("://"),
              !authors.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return }
        authors.append(name)
    }

    static func strippingSiteSuffix(_ title: String, siteName: String?) -> String {
        for sep in BoilerplateRules.siteSeparators {
            guard let r = title.range(of: sep, options: .backwards) else { continue }
            let tail = title[r.upperBound...]
            let namesSite = siteName.map { tail.lowercased() == $0.lowercased() } ?? false
            if namesSite || tail.split(separator: " ").count <= 3 {
                return String(title[..<r.lowerBound])
            }
        }
        return title
    }
}
