/// Paragraphs a site repeats on many of its pages ("Abone Ol", "Back to top button", the same
/// newsletter prompt in any language): learned per host from the archive, removed from later
/// pages of that host.
///
/// Guarantees, so that no sentence of an article is lost: only paragraphs of at most
/// `maxWords` words are ever template; and when removing the template would take away more
/// than half of an article's words, nothing is removed (the page is then mostly repeated text,
/// such as a re-published article, not a template around new text).
public struct HostTemplate: Sendable, Equatable {
    public let blockHashes: Set<UInt64>
    public let maxWords: Int

    public init(blockHashes: Set<UInt64>, maxWords: Int) {
        self.blockHashes = blockHashes
        self.maxWords = maxWords
    }

    /// The hash a paragraph is counted and matched by: its normalized text, lowercased.
    public static func blockHash(_ paragraph: String) -> UInt64 {
        StableHash.word(paragraph.lowercased().utf8)
    }

    /// The distinct hashes of an article's paragraphs that could be template (short enough).
    public static func candidateBlocks(of article: Article, maxWords: Int) -> [UInt64] {
        Array(Set(article.paragraphs.filter { words($0) <= maxWords }.map(blockHash))).sorted()
    }

    /// The article without this host's template paragraphs (see the guarantees).
    public func removing(from article: Article) -> Article {
        guard !blockHashes.isEmpty else { return article }
        let kept = article.paragraphs.filter { Self.words($0) > maxWords || !blockHashes.contains(Self.blockHash($0)) }
        let before = article.paragraphs.reduce(0) { $0 + Self.words($1) }
        let after = kept.reduce(0) { $0 + Self.words($1) }
        guard after * 2 >= before else { return article }
        var cleaned = article
        cleaned.paragraphs = kept
        return cleaned
    }

    private static func words(_ paragraph: String) -> Int { paragraph.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 } }
}
