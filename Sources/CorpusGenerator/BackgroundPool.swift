/// Paragraphs of real stories that are never emitted themselves, handed out once each, so
/// the background that rewrites and quote-sharing reports borrow duplicates nothing else
/// in the corpus. Paragraphs come in their stories' order, so borrowed runs read on.
struct BackgroundPool {
    private var paragraphs: [String]
    private var next = 0

    /// Runs this long count as shared wording (the judge's shortest passage): a paragraph
    /// holding one that an earlier paragraph holds is left out, as pages repeat their own
    /// lines (a recipe's "Eat 60–90 minutes before your workout", a paper's affiliations),
    /// and two texts lent neighbouring parts of one page would share them.
    static let sharedRun = 8

    init(_ texts: [RealText]) {
        var seen = Set<Int>()
        paragraphs = texts.flatMap(\.paragraphs).filter { paragraph in
            seen.addIfNew(RealText.runHashes(of: paragraph.split(whereSeparator: \.isWhitespace), length: Self.sharedRun))
        }
    }

    /// Paragraphs holding at least `words` words, or nil when the pool is spent.
    mutating func take(words: Int) -> [String]? {
        var taken: [String] = [], count = 0
        while count < words {
            guard next < paragraphs.count else { return nil }
            taken.append(paragraphs[next])
            count += paragraphs[next].split(separator: " ").count
            next += 1
        }
        return taken
    }
}
