/// Every tunable of extraction, with documented defaults (no thresholds live in code).
///
/// - `maxInputBytes` 16 MiB: larger pages are refused before parsing.
/// - `minArticleWords` 25: a container giving fewer words falls back to the whole body.
/// - `maxLinkDensity` 0.5: a block whose text is more than half link text, and that is
///   shorter than `linkBlockMaxWords` (40) words, is navigation, not article.
/// - `pruneGuardFraction` 0.5: a block matched as boilerplate by its class or id is kept
///   when it holds more than this fraction of the page's text (over-pruning guard).
/// - `plainTitleWords` 5...25: in plain text, the first paragraph of this many words is the
///   title (shorter lines are datelines and labels, longer ones are body text).
/// - `boilerplate`: phrase rules for whole paragraphs.
public struct NormalizerSettings: Sendable {
    public var maxInputBytes = 16 << 20
    public var minArticleWords = 25
    public var maxLinkDensity = 0.5
    public var linkBlockMaxWords = 40
    public var pruneGuardFraction = 0.5
    public var plainTitleWords = 5...25
    public var boilerplate: BoilerplateRules

    public init(boilerplate: BoilerplateRules = .defaults()) {
        self.boilerplate = boilerplate
    }
}
