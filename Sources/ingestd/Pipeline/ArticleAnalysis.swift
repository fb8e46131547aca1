import Normalizer

/// What duplicate matching needs of an article's text, computed once: its tokens and
/// shingles, its content address (`ContentHash.sha256Hex`) and its fingerprints (LSH band
/// keys, passage fingerprints).
/// A pure function of the text and the settings, so it may be computed on any thread.
struct ArticleAnalysis {
    let analyzed: AnalyzedText
    let prints: Fingerprints
    let contentHash: String

    init(_ text: String, settings: DuplicateSettings) {
        analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        prints = Fingerprints(of: analyzed, settings: settings)
        contentHash = ContentHash.sha256Hex(text)
    }
}
