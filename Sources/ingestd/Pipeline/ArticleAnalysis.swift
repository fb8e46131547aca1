import Normalizer

/// What duplicate matching needs of an article's text, computed once: its tokens and
/// shingles, and its fingerprints (content hash, LSH band keys, passage fingerprints).
/// A pure function of the text and the settings, so it may be computed on any thread.
struct ArticleAnalysis {
    let analyzed: AnalyzedText
    let prints: Fingerprints

    init(_ text: String, settings: DuplicateSettings) {
        analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        prints = Fingerprints(of: analyzed, settings: settings)
    }
}
