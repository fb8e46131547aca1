/// Paragraphs of real stories that are never emitted themselves, handed out once each, so
/// the background that rewrites and quote-sharing reports borrow duplicates nothing else
/// in the corpus. Paragraphs come in their stories' order, so borrowed runs read on.
struct BackgroundPool {
    private var paragraphs: [String]
    private var next = 0

    init(_ texts: [RealText]) { paragraphs = texts.flatMap(\.paragraphs) }

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
