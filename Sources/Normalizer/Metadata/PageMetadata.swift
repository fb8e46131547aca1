import Foundation

/// What a page says about itself in its head, JSON-LD and headline, before extraction.
struct PageMetadata {
    var openGraphTitle: String?
    var htmlTitle: String?
    var headline: String?
    var published: Date?
    var siteName: String?
    var canonicalURL: String?
    var language: String?
    var jsonLDBody: String?

    /// og:title, then the JSON-LD or h1 headline, then `<title>`, with a trailing
    /// " - Site Name" removed when it names the site or is at most five words.
    var title: String? {
        guard let raw = [openGraphTitle, headline, htmlTitle].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        return Self.strippingSiteSuffix(raw, siteName: siteName)
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
