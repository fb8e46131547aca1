import Foundation
import Normalizer
import Testing

/// Each heuristic of the extractor on a small page written for the test.
struct ExtractionTests {
    let normalizer = Normalizer()

    private func page(head: String = "", body: String) -> Data {
        Data("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>".utf8)
    }

    private let story = """
        <p>The night ferry between Orsa and Tarn will return in June after a two-year pause, the operator said on Monday.</p>
        <p>Tickets go on sale next week, and the first crossing leaves Orsa at eleven in the evening on the first Friday of the month.</p>
        """

    @Test func containerByClassWinsOverSurroundingNoise() throws {
        let html = page(body: """
            <header><nav><a href="/">Home</a><a href="/a">World</a></nav></header>
            <div class="teaser">Unrelated teaser text that sits outside the article body and must not be taken.</div>
            <div class="article-body">\(story)</div>
            <footer>Contact us · Jobs · Advertise with us anywhere in the world</footer>
            """)
        let article = try normalizer.article(html: html)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].hasPrefix("The night ferry"))
    }

    @Test func shareRelatedCommentAndNewsletterBlocksArePruned() throws {
        let html = page(body: """
            <article><h1>Night ferry returns</h1>\(story)
            <div class="share-buttons"><a href="#">Facebook</a> <a href="#">X</a></div>
            <div class="newsletter-signup"><p>Get our morning briefing every day in your inbox for free.</p></div>
            <section class="related-posts"><p>Another story about ferries that is only related by topic.</p></section>
            <div id="comments"><p>Great news, I will take the ferry every week from now on.</p></div>
            </article>
            """)
        let article = try normalizer.article(html: html)
        #expect(article.paragraphs.count == 2, "\(article.paragraphs)")
        #expect(article.title == "Night ferry returns")
    }

    @Test func theGuardKeepsAnArticleInsideABlockNamedLikeBoilerplate() throws {
        let html = page(body: "<div class=\"social-layout\">\(story)</div><p>Short footer line.</p>")
        let article = try normalizer.article(html: html)
        #expect(article.paragraphs.contains { $0.hasPrefix("The night ferry") })
    }

    @Test func linkFarmsAreDropped() throws {
        let html = page(body: """
            <main>\(story)<ul><li><a href="/1">Ferries</a></li><li><a href="/2">Bridges</a></li><li><a href="/3">Weather in Tarn</a></li></ul></main>
            """)
        let article = try normalizer.article(html: html)
        #expect(article.paragraphs.count == 2)
    }

    @Test func headingsListsAndQuotesInsideTheArticleAreKept() throws {
        let html = page(body: """
            <article>\(story)<h2>What changes</h2><ul><li>Cabins are bookable online for the first time this year.</li></ul>
            <blockquote>We missed this crossing more than we expected, said the captain.</blockquote></article>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.contains("What changes"))
        #expect(texts.contains("Cabins are bookable online for the first time this year."))
        #expect(texts.contains { $0.hasPrefix("We missed this crossing") })
    }

    @Test func metadataFromOpenGraphJSONLDAndCanonical() throws {
        let head = """
            <title>Night ferry returns | Harbour Post</title>
            <meta property="og:site_name" content="Harbour Post">
            <link rel="canonical" href="https://harbourpost.example/ferry">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Night ferry returns","datePublished":"2026-03-02T08:30:00+02:00"}]}</script>
            """
        let article = try normalizer.article(html: page(head: head, body: "<article>\(story)</article>"))
        #expect(article.title == "Night ferry returns")
        #expect(article.siteName == "Harbour Post")
        #expect(article.canonicalURL == "https://harbourpost.example/ferry")
        #expect(article.language == "en")
        #expect(article.published == Date(timeIntervalSince1970: 1_772_433_000))
    }

    @Test func titleFallsBackToTheTitleElementWithoutSiteSuffix() throws {
        let html = page(head: "<title>Night ferry returns - Harbour Post</title>", body: "<div>\(story)</div>")
        #expect(try normalizer.article(html: html).title == "Night ferry returns")
    }

    @Test func phraseRulesRemoveWholeBoilerplateParagraphsOnly() throws {
        let html = page(body: """
            <article>\(story)<p>Leave a Reply</p><p>Abone Ol</p><p>Read more: Bridges of the north</p>
            <p>Passengers who leave a reply card on board get a discount, the operator said.</p></article>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.count == 3)
        #expect(texts.last == "Passengers who leave a reply card on board get a discount, the operator said.")
    }

    @Test func emptyAndHostileInputsEndCleanly() throws {
        #expect(try normalizer.article(html: Data("<html><body></body></html>".utf8)).paragraphs.isEmpty)
        #expect(throws: NormalizerError.binary) { try normalizer.article(html: Data(repeating: 0, count: 10_000)) }
        let small = Normalizer(settings: { var s = NormalizerSettings(); s.maxInputBytes = 1_000; return s }())
        #expect(throws: NormalizerError.tooLarge(bytes: 2_000, limit: 1_000)) { try small.article(html: Data(repeating: 65, count: 2_000)) }
        let deep = String(repeating: "<div>", count: 100_000) + "text" + String(repeating: "</div>", count: 100_000)
        _ = try normalizer.article(html: Data(deep.utf8))
        let invalid = Data([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0xC3, 0x28, 0x61, 0x3C, 0x2F, 0x70, 0x3E])
        _ = try normalizer.article(html: invalid)
    }
}
