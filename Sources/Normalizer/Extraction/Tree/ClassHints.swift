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
    /// Names the author's byline ("author-name", "byline"…): read for metadata.
    static let byline = ClassHints(rawValue: 1 << 8)
    /// Names a date or time ("post-date", "published", "timestamp"…): read for metadata.
    static let dateline = ClassHints(rawValue: 1 << 9)
}

/// Turns attribute text into `ClassHints` by substring and token lists.
struct ClassHintReader {
    private var cache = UInt64Map<ClassHints>(capacity: 512)

    static let boilerplateSubstrings = bytes([
        "share", "sharing", "social", "related", "comment", "newsletter", "subscri", "cookie", "consent", "advert",
        "sponsor", "breadcrumb", "sidebar", "popup", "modal", "promo", "outbrain", "taboola", "recommend",
        "more-stories", "most-read", "most-popular", "trending", "author-box", "pagination", "toolbar", "masthead",
        "disqus", "signup", "sign-up", "paywall", "gdpr", "skip-link", "read-more", "readmore", "also-read",
        "byline", "dateline", "timestamp", "caption", "credit",
    ])
    static let boilerplateTokens = bytes([
        "ad", "ads", "nav", "navbar", "menu", "tags", "bio", "banner", "footer", "header", "print", "meta",
    ])
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
    static let bylineSubstrings = bytes([
        "author-name", "author__name", "authorname", "byline", "post-author", "entry-author", "article-author", "author-link",
    ])
    static let datelineSubstrings = bytes(["date", "time", "publish", "posted"])
    static let maybeSubstrings = bytes(["and", "article", "body", "column", "content", "main", "shadow", "story", "entry"])

    /// Hints for an element from its attributes: class and id by name lists, `itemprop`,
    /// landmark `role`s, and `hidden` or a hiding `style`.
    mutating func hints(of attributes: MarkupAttributes) -> ClassHints {
        var found: ClassHints = []
        attributes.forEach { name, value in
            guard let value else {
                if RawBytes.equal(name, "hidden") { found.insert(.hidden) }
                return
            }
            switch name[0] | 0x20 {
            case UInt8(ascii: "c") where RawBytes.equal(name, "class"), UInt8(ascii: "i") where RawBytes.equal(name, "id"):
                addNameHints(value, into: &found)
            case UInt8(ascii: "i") where RawBytes.equal(name, "itemprop"):
                if RawBytes.lowercased(value) == Self.articleBodyProperty { found.insert(.itemBody) }
            case UInt8(ascii: "r") where RawBytes.equal(name, "role"):
                if Self.landmarkRoles.contains(RawBytes.lowercased(value)) { found.insert(.landmark) }
            case UInt8(ascii: "s") where RawBytes.equal(name, "style"):
                let style = RawBytes.lowercased(value).filter { $0 != 0x20 }
                if Self.hidingStyles.contains(where: { ByteSearch.contains(style, $0) }) { found.insert(.hidden) }
            case UInt8(ascii: "h") where RawBytes.equal(name, "hidden"):
                found.insert(.hidden)
            default: break
            }
        }
        return found
    }

    private static let articleBodyProperty = Array("articlebody".utf8)
    private static let landmarkRoles: Set<[UInt8]> = Set(["navigation", "banner", "contentinfo", "complementary"].map { Array($0.utf8) })
    private static let hidingStyles = bytes(["display:none", "visibility:hidden"])

    /// Hints for an element given its lowercased `class` and `id` joined by a space.
    /// Adds the hints of each space-separated name in a class or id value. Every list entry
    /// lies within one name, and names repeat across a page far more than whole values do, so
    /// hints are cached per name, keyed by a 64-bit hash of its lowercased bytes; nothing is
    /// allocated on a cache hit.
    private mutating func addNameHints(_ raw: UnsafePointer<UInt8>, into hints: inout ClassHints) {
        var hash = StableHash.fnvOffset, start = 0, i = 0
        while true {
            let b = raw[i]
            if b <= 0x20 {
                if i > start { hints.formUnion(nameHints(hash, raw + start, i - start)) }
                if b == 0 { return }
                hash = StableHash.fnvOffset
                start = i + 1
            } else {
                hash = StableHash.fnvStep(hash, b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            }
            i += 1
        }
    }

    private mutating func nameHints(_ hash: UInt64, _ name: UnsafePointer<UInt8>, _ count: Int) -> ClassHints {
        if let known = cache[hash] { return known }
        let token = UnsafeBufferPointer(start: name, count: count).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var t = Self.substringHints(token)
        if Self.hasBoilerplateToken(token) { t.insert(.boilerplate) }
        cache[hash] = t
        return t
    }

    /// Every list, indexed by the first byte of its entries, so one pass over a name tests
    /// them all.
    private static let entriesByFirstByte: [[(entry: [UInt8], hint: ClassHints)]] = {
        var table = [[(entry: [UInt8], hint: ClassHints)]](repeating: [], count: 256)
        let lists: [([[UInt8]], ClassHints)] = [
            (boilerplateSubstrings, .boilerplate), (bodySubstrings, .articleBody), (positiveSubstrings, .positive),
            (negativeSubstrings, .negative), (maybeSubstrings, .maybeContent), (bylineSubstrings, .byline), (datelineSubstrings, .dateline),
        ]
        for (list, hint) in lists {
            for entry in list { table[Int(entry[0])].append((entry, hint)) }
        }
        return table
    }()

    static func substringHints(_ name: [UInt8]) -> ClassHints {
        var hints: ClassHints = []
        for i in name.indices {
            for (entry, hint) in entriesByFirstByte[Int(name[i])] where !hints.contains(hint) && name.count - i >= entry.count {
                var k = 1
                while k < entry.count && name[i + k] == entry[k] { k += 1 }
                if k == entry.count { hints.insert(hint) }
            }
        }
        return hints
    }

    /// Whether a whole part of the name (split on '-' and '_') is a boilerplate token.
    static func hasBoilerplateToken(_ name: [UInt8]) -> Bool {
        var start = 0
        for i in 0...name.count where i == name.count || name[i] == 0x2D || name[i] == 0x5F {
            if i > start, boilerplateTokens.contains(where: { $0.count == i - start && $0.elementsEqual(name[start..<i]) }) {
                return true
            }
            start = i + 1
        }
        return false
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}
