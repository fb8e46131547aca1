import Foundation
import Normalizer
import Testing

/// Layouts that broke extraction on real pages, each on a page written for the test: markup
/// that only HTML5's tree rules nest right, and articles spread over sibling blocks.
struct PageLayoutTests {
    let normalizer = Normalizer()

    private func page(_ body: String) -> Data {
        Data("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tide mills</title></head><body>\(body)</body></html>".utf8)
    }

    private func paragraph(_ n: Int) -> String {
        "<p>Paragraph \(n) of the report: the tide mill at Orsa turned again this spring, its keepers said, "
            + "after the sluice gates were rebuilt with oak from the estuary woods and the wheel was rehung.</p>"
    }

    /// A `<button>` in the header leaves two `<div>`s open. HTML5 closes them at `</button>`;
    /// an HTML4 parser keeps them open, nests `<main>` inside the header and prunes it with it.
    @Test func unclosedDivsInsideAHeaderButtonDoNotSwallowTheArticle() throws {
        let html = page("""
            <header class="site-header"><button class="menu-toggle"><div class="icon"><div class="bar"></button>
            <a href="/">Tide Mills Weekly</a></header>
            <main><article>\((1...4).map(paragraph).joined())</article></main>
            """)
        let article = try normalizer.article(html: html)
        #expect(article.paragraphs.count == 4, "\(article.paragraphs)")
    }

    /// An end tag with nothing to close is dropped, and a misnested `<b>` is re-opened where
    /// it belongs, so no paragraph is lost or merged.
    @Test func strayEndTagsAndMisnestedFormattingKeepEveryParagraph() throws {
        let html = page("""
            <article></span></div><p>\(String(paragraph(1).dropFirst(3).dropLast(4)))<b>bold start</p>
            <p>still bold</b> and plain after it, in a paragraph long enough to be read as article text.</p>
            \(paragraph(3))</article>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.count == 3, "\(texts)")
        #expect(texts[1].hasPrefix("still bold and plain after it"))
    }

    /// A page builder: every text block in its own band, nested deep, with image bands between.
    /// Scores reach up only a few levels, so the best element is one band; the article is all.
    @Test func anArticleSplitOverSiblingBandsIsTakenWhole() throws {
        let sentences = [
            "The tide mill at Orsa turned again this spring, its keepers said.", "The sluice gates were rebuilt with oak from the estuary woods.",
            "The wheel was rehung in March, after two winters on blocks in the yard.", "Visitors can watch it grind on the first Sunday of every month.",
            "The trust hopes to sell its flour in the village shop by autumn.", "Its records show the mill has stood on the creek since 1740.",
        ]
        let bands = [6, 2, 3, 2, 5, 1, 4, 2].enumerated().map { n, count in
            let text = (0..<count).map { sentences[(n + 1 + $0) % 6] }.joined(separator: " ")
            return """
                <section class="band"><div class="row"><div class="col"><div class="wrapper"><div class="block"><p>Part \(n + 1). \(text)</p>\
                </div></div></div></div></section><section class="band"><div class="row"><figure><img src="/m\(n).jpg"></figure></div></section>
                """
        }.joined()
        let texts = try normalizer.article(html: page("<div id=\"app\"><main>\(bands)</main></div>")).paragraphs
        #expect(texts.map { String($0.prefix(7)) } == (1...8).map { "Part \($0)." }, "\(texts)")
    }

    /// The widening stops short of what is not more of the article: an author box and a list
    /// of teasers beside a whole article stay out.
    @Test func anAuthorBoxAndTeasersBesideAWholeArticleStayOut() throws {
        let html = page("""
            <div class="page"><div class="post-body">\((1...6).map(paragraph).joined())</div>
            <div class="about"><p>Ana Weiss writes about rivers and the mills along them for the weekly.</p></div>
            <div class="more"><h3><a href="/x">Another mill story</a></h3><p>A short summary of another story.</p></div></div>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.count == 6, "\(texts)")
    }

    /// A hero section holds the first paragraphs apart from the body: they are the article's
    /// lead, and come first; the headline and byline between them are not.
    @Test func leadParagraphsAboveTheBodyAreKept() throws {
        let lead = "<p>The tide mill at Orsa turned again this spring for the first time in forty years, its keepers said on Monday, "
            + "after a winter of repairs paid for by the village and a grant from the estuary trust.</p>"
        let html = page("""
            <div class="hero"><div class="intro">\(lead)</div><h1>Tide mills</h1><div class="byline">By Ana Weiss</div></div>
            <div class="post-body">\((1...5).map(paragraph).joined())</div>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.count == 6, "\(texts)")
        #expect(texts.first?.hasPrefix("The tide mill at Orsa turned again this spring for the first time") == true)
    }

    /// Blocks that outweigh a short article but are not it: a cookie notice before it, an author
    /// bio, a password hint, reader comments and related links after it.
    @Test func aCookieNoticeABioAPasswordHintCommentsAndRelatedLinksAreNotTheArticle() throws {
        let notice = "We use cookies and similar technologies to recognise your repeat visits and preferences, to measure "
            + "campaigns and to analyse traffic. By clicking accept you consent to the use of cookies, as our cookie policy says."
        let comment = "I remember the mill from when I was a child, and it is wonderful to hear it will turn again; we will visit this summer."
        let html = page("""
            <div id="onetrust-banner-sdk"><p>\(notice)</p><p>\(notice)</p></div>
            <article><h1>Tide mills</h1>\((1...3).map(paragraph).joined())</article>
            <div class="author-bio"><p>Ana Weiss has written about rivers, mills and the people who keep them for twenty years, \
            for this paper and others along the coast, and is the author of two books about estuaries.</p></div>
            <form class="login"><p>Forgot your password? It must be at least twelve characters long and hold a number, a capital \
            letter and a symbol, and it must not repeat any of your last five passwords.</p></form>
            <section id="comments"><ol>\((1...6).map { "<li><p>Reader \($0): \(comment)</p></li>" }.joined())</ol></section>
            <div class="related-links"><ul>\((1...8).map { "<li><a href=\"/s\($0)\">Another story about mills, number \($0)</a></li>" }.joined())</ul></div>
            """)
        let texts = try normalizer.article(html: html).paragraphs
        #expect(texts.count == 3 && texts.allSatisfy { $0.hasPrefix("Paragraph") }, "\(texts)")
    }
}
