import Foundation

/// Phrase rules that recognise boilerplate paragraphs ("Abone Ol", "Leave a Reply", …).
///
/// Each pattern is a regular expression that must match a *whole* normalized paragraph,
/// case-insensitively, so a rule can never cut a sentence out of an article paragraph:
/// it removes the paragraph only when the paragraph is nothing but the boilerplate.
/// Besides the patterns, a paragraph that repeats another paragraph plus a short site
/// suffix ("Headline - Site Name") is dropped as the page's title line.
public struct BoilerplateRules: Sendable {
    private let matcher: PhraseMatcher
    public let patterns: [String]

    /// A paragraph longer than this (in UTF-16 units) is never boilerplate and is not matched:
    /// no built-in pattern matches more than about 180, and skipping long paragraphs keeps
    /// the regular expressions off the hot path. Config: `boilerplate.max_paragraph_characters`.
    public let maxParagraphCharacters: Int
    public static let defaultMaxParagraphCharacters = 200

    /// Compiles the patterns (see `PhraseMatcher`); throws a `SettingsError` naming the
    /// first invalid pattern.
    public init(patterns: [String], maxParagraphCharacters: Int = defaultMaxParagraphCharacters) throws(SettingsError) {
        guard maxParagraphCharacters > 0 else {
            throw SettingsError(message: "boilerplate.max_paragraph_characters must be positive, got \(maxParagraphCharacters)")
        }
        self.patterns = patterns
        self.maxParagraphCharacters = maxParagraphCharacters
        for p in patterns where (try? NSRegularExpression(pattern: p)) == nil {
            throw SettingsError(message: "boilerplate pattern \"\(p)\" is not a valid regular expression")
        }
        matcher = PhraseMatcher(patterns: patterns)
    }

    /// True when the whole paragraph is boilerplate under one of the patterns.
    public func matches(_ paragraph: String) -> Bool {
        isShort(paragraph) && matcher.matches(paragraph)
    }

    /// Whether `p` is at most `maxParagraphCharacters` UTF-16 units long, counted on its
    /// bytes: `String.utf16.count` builds an index (breadcrumbs) for a long non-ASCII string,
    /// and nearly every paragraph of real news is one (curly quotes, dashes). A scalar is
    /// one unit, or two from four bytes on, so a string is at least a third as many units
    /// as bytes and at most as many.
    private func isShort(_ p: String) -> Bool {
        let bytes = p.utf8.count
        if bytes <= maxParagraphCharacters { return true }
        if bytes > 3 * maxParagraphCharacters { return false }
        var p = p
        return p.withUTF8 { b in
            let base = UnsafeRawPointer(b.baseAddress!)
            var units = 0, i = 0
            while i + 8 <= b.count {
                units &+= ByteMask.utf16Units(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if units > maxParagraphCharacters { return false }
                i += 8
            }
            for byte in b[i...] { units &+= (byte & 0xC0 != 0x80 ? 1 : 0) &+ (byte >= 0xF0 ? 1 : 0) }
            return units <= maxParagraphCharacters
        }
    }

    /// Removes boilerplate paragraphs and title lines carrying a site suffix.
    public func clean(_ paragraphs: [String], title: String? = nil) -> [String] {
        let short = paragraphs.map(isShort)
        let suffixed = paragraphs.indices.filter { short[$0] && !Self.separatorRanges(paragraphs[$0]).isEmpty }
        var titleLines = Set<Int>()
        if !suffixed.isEmpty {
            // Lowercase only the paragraphs as long as some candidate headline.
            let headLengths = Set(suffixed.flatMap { Self.separatorRanges(paragraphs[$0]).map(\.0) })
            var known = Set(paragraphs.filter { headLengths.contains($0.utf8.count) }.map { $0.lowercased() })
            if let title { known.insert(title.lowercased()) }
            titleLines = Set(suffixed.filter { Self.isTitleWithSiteSuffix(paragraphs[$0], known: known) })
        }
        return paragraphs.indices.filter { !titleLines.contains($0) && !(short[$0] && matcher.matches(paragraphs[$0])) }
            .map { paragraphs[$0] }
    }

    static let siteSeparators = [" - ", " | ", " – ", " — ", " :: ", " » ", " · "]
    private static let separatorBytes = siteSeparators.map { Array($0.utf8) }

    /// Where each site separator occurs in `p`, as UTF-8 offsets of (start, end), in order.
    static func separatorRanges(_ p: String) -> [(Int, Int)] {
        var p = p
        // On the string's own bytes, eight at a time: every short paragraph of every text is
        // scanned, and a separator is a space followed by one of a few bytes.
        let seconds = separatorSecondBytes
        return p.withUTF8 { bytes in
            var out: [(Int, Int)] = []
            guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return out }
            func check(_ i: Int) {
                if let sep = separatorBytes.first(where: { bytes.count - i >= $0.count && bytes[i..<i + $0.count].elementsEqual($0) }) {
                    out.append((i, i + sep.count))
                }
            }
            var i = 0
            while i + 9 <= bytes.count {
                // Spaces first (one or two in eight bytes), then the byte after each by table.
                var spaces = ByteMask.equal(base.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0x20)
                while spaces != 0 {
                    let at = i + spaces.trailingZeroBitCount >> 3
                    if seconds[Int(bytes[at + 1])] { check(at) }
                    spaces &= spaces &- 1
                }
                i += 8
            }
            while i + 2 < bytes.count {
                if bytes[i] == 0x20, seconds[Int(bytes[i + 1])] { check(i) }
                i += 1
            }
            return out
        }
    }

    /// Per byte: whether it follows the space of some separator.
    private static let separatorSecondBytes: [Bool] = (0..<256).map { (b: Int) in separatorBytes.contains { Int($0[1]) == b } }

    /// "Headline - Site" where "Headline" is known and "Site" has at most five words.
    static func isTitleWithSiteSuffix(_ p: String, known: Set<String>) -> Bool {
        let separators = separatorRanges(p)
        var p = p
        return p.withUTF8 { bytes in
            // The site's words are counted first: a dash inside a sentence has more after it,
            // and the head is then never lowercased.
            for (start, end) in separators.reversed() where words(in: UnsafeBufferPointer(rebasing: bytes[end...])) <= 5 {
                if known.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<start]), as: UTF8.self).lowercased()) {
                    return true
                }
            }
            return false
        }
    }

    /// How many runs of bytes other than the space `bytes` holds.
    private static func words(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0, previous: UInt8 = 0x20
        for byte in bytes {
            if previous == 0x20 && byte != 0x20 { count += 1 }
            previous = byte
        }
        return count
    }
}
