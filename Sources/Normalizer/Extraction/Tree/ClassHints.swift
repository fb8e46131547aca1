import Foundation
import Markup

/// What an element's class, id, role and itemprop say about its part in the page.
///
/// Guarantees: computed on lowercased bytes with no Foundation string search; the same
/// attribute text always gives the same hints (results are cached per distinct text).
struct ClassHints: OptionSet, Hashable {
    let rawValue: UInt16

    /// Names a boilerplate role: share bars, related lists, comments, newsletter, cookie, ads…
    static let boilerplate = ClassHints(rawValue: 1 << 0)
    /// Names an article body container (`article-body`, `entry-content`, `itemprop=articleBody`…).
    static let articleBody = ClassHints(rawValue: 1 << 1)
    /// Words that make an element more likely to hold the article (readability's positive list).
    static let positive = ClassHints(rawValue: 1 << 2)
    /// Words that make it less likely (readability's negative list).
    static let negative = ClassHints(rawValue: 1 << 3)
    /// Words that rescue a boilerplate-looking name ("article", "content", "main", "body"…).
    static let maybeContent = ClassHints(rawValue: 1 << 4)
    /// `hidden`, `display:none` or `visibility:hidden`.
    static let hidden = ClassHints(rawValue: 1 << 5)
    /// `itemprop="articleBody"`: the page's own word for the body.
    static let itemBody = ClassHints(rawValue: 1 << 6)
    /// A navigation, banner or footer landmark role.
    static let landmark = ClassHints(rawValue: 1 << 7)
}

/// Turns attribute text into `ClassHints` by substring and token lists.
struct ClassHintReader {
    private var cache: [[UInt8]: ClassHints] = [:]

    static let boilerplateSubstrings = bytes([
        "share", "sharing", "social", "related", "comment", "newsletter", "subscri", "cookie", "consent", "advert",
        "sponsor", "breadcrumb", "sidebar", "popup", "modal", "promo", "outbrain", "taboola", "recommend",
        "more-stories", "most-read", "most-popular", "trending", "author-box", "pagination", "toolbar", "masthead",
        "disqus", "signup", "sign-up", "paywall", "gdpr", "skip-link", "read-more", "readmore", "also-read",
        "byline", "dateline", "timestamp", "caption", "credit",
    ])
    static let boilerplateTokens: Set<[UInt8]> = Set(bytes([
        "ad", "ads", "nav", "navbar", "menu", "tags", "bio", "banner", "footer", "header", "print", "meta",
    ]))
    static let bodySubstrings = bytes([
        "article-body", "articlebody", "article__body", "article-content", "article__content", "entry-content",
        "post-content", "post-body", "story-body", "story-content", "content-body", "news-text", "article-text",
        "post-entry", "entry-body", "article_body", "article_content", "story__body", "body-text", "articletext",
        "post__content", "single-content", "main-content", "article-main", "td-post-content", "field-body",
    ])
    static let positiveSubstrings = bytes([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
    ])
    static let negativeSubstrings = bytes([
        "-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "caption", "byline", "author", "dateline", "credit",
    ])
    static let maybeSubstrings = bytes(["and", "article", "body", "column", "content", "main", "shadow", "story", "entry"])

    /// Hints for an element from its attributes: class and id by name lists, `itemprop`,
    /// landmark `role`s, and `hidden` or a hiding `style`.
    mutating func hints(of attributes: MarkupAttributes) -> ClassHints {
        var names: [UInt8] = []
        var extra: ClassHints = []
        attributes.forEach { name, value in
            guard let value else {
                if RawBytes.equal(name, "hidden") { extra.insert(.hidden) }
                return
            }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where RawBytes.equal(name, "class"), UInt8(ascii: "i") where RawBytes.equal(name, "id"):
                if !names.isEmpty { names.append(0x20) }
                RawBytes.appendLowercased(value, to: &names)
            case UInt8(ascii: "i") where RawBytes.equal(name, "itemprop"):
                if RawBytes.lowercased(value) == Self.articleBodyProperty { extra.insert(.itemBody) }
            case UInt8(ascii: "r") where RawBytes.equal(name, "role"):
                if Self.landmarkRoles.contains(RawBytes.lowercased(value)) { extra.insert(.landmark) }
            case UInt8(ascii: "s") where RawBytes.equal(name, "style"):
                let style = RawBytes.lowercased(value).filter { $0 != 0x20 }
                if Self.hidingStyles.contains(where: { Self.contains(style, $0) }) { extra.insert(.hidden) }
            case UInt8(ascii: "h") where RawBytes.equal(name, "hidden"):
                extra.insert(.hidden)
            default: break
            }
        }
        return hints(names: names).union(extra)
    }

    private static let articleBodyProperty = Array("articlebody".utf8)
    private static let landmarkRoles: Set<[UInt8]> = Set(["navigation", "banner", "contentinfo", "complementary"].map { Array($0.utf8) })
    private static let hidingStyles = bytes(["display:none", "visibility:hidden"])

    /// Hints for an element given its lowercased `class` and `id` joined by a space.
    mutating func hints(names: [UInt8]) -> ClassHints {
        if names.isEmpty { return [] }
        if let known = cache[names] { return known }
        var h: ClassHints = []
        if Self.containsAny(names, Self.boilerplateSubstrings) || Self.hasToken(names, in: Self.boilerplateTokens) {
            h.insert(.boilerplate)
        }
        if Self.containsAny(names, Self.bodySubstrings) { h.insert(.articleBody) }
        if Self.containsAny(names, Self.positiveSubstrings) { h.insert(.positive) }
        if Self.containsAny(names, Self.negativeSubstrings) { h.insert(.negative) }
        if Self.containsAny(names, Self.maybeSubstrings) { h.insert(.maybeContent) }
        cache[names] = h
        return h
    }

    static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// Substring test with `memchr` to the first byte and `memcmp` for the rest.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard n.count > 0 else { return true }
                guard let hb = h.baseAddress, let nb = n.baseAddress, h.count >= n.count else { return false }
                let first = Int32(n[0]), last = h.count - n.count
                var offset = 0
                while offset <= last, let hit = memchr(hb + offset, first, last - offset + 1) {
                    let at = hb.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hb + at, nb, n.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }

    /// Whether a whole token (split on space, '-' and '_') is in `tokens`.
    static func hasToken(_ names: [UInt8], in tokens: Set<[UInt8]>) -> Bool {
        names.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D || $0 == 0x5F }).contains { tokens.contains(Array($0)) }
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
