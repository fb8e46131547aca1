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
/// - `maxTreeDepth` 512: elements nested deeper are left out of extraction.
/// - `maxParseSeconds` 10: a page whose parse takes longer is stopped and refused (no real
///   page comes near it; a hostile one must not hold a run's lock for minutes).
/// - `maxTreeNodes` 300,000: elements and text runs past this many are left out (the largest
///   page of the benchmark sets has about 10,000), so hostile pages cost bounded memory.
/// - `minParagraphBytes` 25: a paragraph with fewer non-space bytes scores nothing.
/// - `classWeight` 25: what an article-like or boilerplate-like class or id adds or takes.
/// - `minContainerBytes` 140: a container named as the article body must hold this much text.
/// - `patternContainerFraction` 0.3: such a container wins over the best-scored element when it
///   holds at least this share of that element's text (or contains it, or lies inside it).
/// - `minSiblingScore` 10 and `siblingScoreFraction` 0.2: a sibling of the best element joins
///   the article when it scores at least the larger of these (absolute, share of the best).
/// - `alternativeCandidates` 5, `alternativeScoreFraction` 0.75, `minAlternativeCandidates` 3:
///   when at least three of the next five best elements score within three quarters of the
///   best, the article is spread over columns: their nearest common ancestor holding three
///   of them becomes the article.
/// - `siblingParagraphBytes` 80 and `siblingParagraphLinkDensity` 0.25: a sibling `<p>` joins
///   when longer and less linked than these.
/// - `maybeContentLinkDensity` 0.35: a boilerplate-named block that also says "content",
///   "article"… is pruned only above this link density (or when it holds no paragraph).
/// - `negativeLinkDensity` 0.2: inside the article, a list, table or div with a negative name
///   is dropped above this link density.
/// - `templateMinPages` 5 and `templateMaxWords` 30: a paragraph of at most 30 words seen on
///   at least 5 pages of one host is that site's template (`HostTemplate`).
/// - `languageMaxWords` 400, `languageMinHits` 5, `languageMinMargin` 0.15: the language is
///   told from the stopwords among the first 400 words, when at least 5 match and the best
///   language leads the next by 15 % of its hits (`LanguageDetector`).
/// - `charsetCyrillicShare` 0.3 and `charsetTurkishShare` 0.1: an undeclared non-UTF-8 page is
///   windows-1251 when letters 0xC0–0xFF are 30 % of its letters, windows-1254 when ğ ı ş İ Ş Ğ
///   are 10 % of those (`LegacyCharsetDetector`).
/// - `jsonLDConfirmWords` 8 and `jsonLDPreferenceRatio` 1.5: the JSON-LD `articleBody` replaces
///   the DOM's text when its first and last 8 words are in the page and it has 1.5 times the
///   words (`StructuredBody`).
/// - `bylineMaxWords` 6: a visible byline ("By Ana Weiss") names the author when the page
///   declares none and it has at most 6 words and no digits.
/// - `proseRunBytes` 100: a text run this long outside links is prose wherever it stands (text in
///   paragraphs, quotes, headings and list items always is).
/// - `widenProseShare` 0.6, `widenLinkShare` 0.2, `widenMinGain` 1.0, `widenMaxClimbs` 10: the
///   article widens from its container to the highest of the next ten ancestors (never the body)
///   whose text outside the container is at least 60 % prose and at most 20 % link text, stopping
///   at the first that fails once one has passed, and only when that at least doubles the prose
///   (articles split over sibling blocks; an author box or teasers beside a whole article are not
///   more of it) (`ContainerWidener`).
/// - `leadMinBytes` 120, `leadProseShare` 0.8, `leadMaxClimbs` 3: blocks just above the article
///   that hold a paragraph, with at least 120 non-space bytes, at least 80 % prose, are its lead
///   (a one-line standfirst or a list of key points is not) (`LeadFinder`).
/// - `boilerplate`: phrase rules for whole paragraphs.
public struct NormalizerSettings: Sendable {
    public var maxInputBytes = 16 << 20
    public var minArticleWords = 25
    public var maxLinkDensity = 0.5
    public var linkBlockMaxWords = 40
    public var pruneGuardFraction = 0.5
    public var plainTitleWords = 5...25
    public var maxTreeDepth = 512
    /// Seconds one page's parse may take before it is stopped and the page refused.
    public var maxParseSeconds = 10.0
    public var maxTreeNodes = 300_000
    public var minParagraphBytes = 25
    public var classWeight = 25.0
    public var minContainerBytes = 140
    public var patternContainerFraction = 0.3
    public var minSiblingScore = 10.0
    public var siblingScoreFraction = 0.2
    public var alternativeCandidates = 5
    public var alternativeScoreFraction = 0.75
    public var minAlternativeCandidates = 3
    public var siblingParagraphBytes = 80
    public var siblingParagraphLinkDensity = 0.25
    public var maybeContentLinkDensity = 0.35
    public var negativeLinkDensity = 0.2
    public var languageMaxWords = 400
    public var languageMinHits = 5
    public var languageMinMargin = 0.15
    public var charsetCyrillicShare = 0.3
    public var charsetTurkishShare = 0.1
    public var jsonLDConfirmWords = 8
    public var jsonLDPreferenceRatio = 1.5
    public var bylineMaxWords = 6
    public var templateMinPages = 5
    public var templateMaxWords = 30
    public var proseRunBytes = 100
    public var widenProseShare = 0.6
    public var widenLinkShare = 0.2
    public var widenMinGain = 1.0
    public var widenMaxClimbs = 10
    public var leadMinBytes: Int32 = 120
    public var leadProseShare = 0.8
    public var leadMaxClimbs = 3
    public var boilerplate: BoilerplateRules

    public init(boilerplate: BoilerplateRules = .defaults()) {
        self.boilerplate = boilerplate
    }
}
