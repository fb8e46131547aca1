import Foundation
@testable import Normalizer
import Markup
import Testing

/// The extractor's recoveries from unusual page structures, each on a small page written for the test.
struct ExtractionFallbackTests {
    let normalizer = Normalizer()

    private func paragraphs(_ n: Int, topic: String) -> [String] {
        (1...n).map { "Paragraph \($0) about the \(topic): the council of Orsa met on day \($0) and agreed, after a long debate, to fund it." }
    }

    private func article(_ body: String) throws -> [String] {
        try normalizer.article(html: Data("<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body>\(body)</body></html>".utf8)).paragraphs
    }

    private func html(_ lines: [String]) -> String { lines.map { "<p>\($0)</p>" }.joined() }

    @Test func anArticleHiddenUntilAScriptRevealsItIsRead() throws {
        let story = paragraphs(4, topic: "ferry")
        let got = try article("<div hidden id=\"S:0\"><main><div class=\"prose\">\(html(story))</div></main></div>")
        #expect(got == story)
    }

    @Test func aSmallHiddenBlockInsideTheArticleIsDropped() throws {
        let story = paragraphs(4, topic: "bridge")
        let got = try article("<article>\(html(story))<div style=\"display: none\"><p>Sign in to read more from the Orsa Post today.</p></div></article>")
        #expect(got == story)
    }

    @Test func aPageWrappedInOneFormIsRead() throws {
        let story = paragraphs(4, topic: "school")
        let got = try article("<form id=\"aspnetForm\"><div class=\"main-article-body\">\(html(story))</div></form>")
        #expect(got == story)
    }

    @Test func anArticleThatBrokenMarkupNestsInNavigationIsRead() throws {
        let story = paragraphs(4, topic: "market")
        // The unclosed <li> and <nav> swallow the rest of the page.
        let got = try article("<nav><ul><li><a href=\"/\">Home</a><li><a href=\"/news\">News</a><main><div class=\"entry\">\(html(story))</div></main>")
        #expect(got == story)
    }

    /// Four equal blocks: the best one and three alternatives within 75 % of it, whose common
    /// ancestor is the article (readability's rule; two alternatives would not be enough).
    @Test func anArticleSplitIntoColumnsIsReadWhole() throws {
        let story = paragraphs(8, topic: "library")
        let columns = stride(from: 0, to: 8, by: 2).map { i in
            "<div class=\"col\"><div class=\"block\"><div class=\"html-content\">\(html(Array(story[i..<i + 2])))</div></div></div>"
        }.joined()
        let got = try article("<div class=\"row\">\(columns)</div><div class=\"row\"><p>Short footer text.</p></div>")
        #expect(got == story)
    }

    @Test func anEmbeddedPostNamedLikeABodyDoesNotReplaceTheArticle() throws {
        let story = paragraphs(5, topic: "clinic")
        let embedded = "<div class=\"embedded-post\"><div class=\"embedded-post-body\">\(html(paragraphs(1, topic: "older story")))</div></div>"
        let got = try article("<div class=\"body markup\">\(html(story))\(embedded)</div>")
        #expect(Set(story).isSubset(of: Set(got)))
    }

    @Test func captionsBylinesAndCreditsAreNotArticleText() throws {
        let story = paragraphs(4, topic: "museum")
        let got = try article("""
            <article><div class="byline">By Ana Weiss, Orsa Post staff writer</div>
            <figure><img src="a.jpg"><figcaption>The museum's new wing, seen from the river.</figcaption></figure>
            \(html(story))<p class="photo-credit">Photo: Orsa Post</p></article>
            """)
        #expect(got == story)
    }

    @Test func blocksThatPageBuildersNameWidgetsStay() throws {
        let story = paragraphs(4, topic: "dam")
        let widgets = story.map { "<div class=\"elementor-widget-container\"><p>\($0)</p></div>" }.joined()
        #expect(try article("<div class=\"entry-content\">\(widgets)</div>") == story)
    }
}

/// Dates the page does not declare are read from its URL.
struct URLDateTests {
    @Test(arguments: [
        ("https://news.example/2024/03/17/ferry-returns", "2024-03-17"), ("https://news.example/world/2024-03-17-ferry", "2024-03-17"),
        ("https://news.example/20240317/ferry", "2024-03-17"),
    ])
    func aDateInThePathIsRead(url: String, day: String) throws {
        let html = Data("<html><body><article><p>\(String(repeating: "The ferry is back on the night route. ", count: 8))</p></article></body></html>".utf8)
        let published = try #require(try Normalizer().article(html: html, url: url).published)
        #expect(published.formatted(.iso8601.year().month().day()) == day)
    }

    @Test func numbersThatAreNotDatesAreNot() {
        #expect(PageMetadata.dateInURL("https://news.example/2024/13/40/x") == nil)
        #expect(PageMetadata.dateInURL("https://news.example/article/123456789") == nil)
    }
}

/// The JSON-LD `articleBody`, taken only when the page's text confirms it.
struct StructuredBodyTests {
    let story = (1...4).map { "Sentence \($0) of the harbour story: the night ferry from Orsa to Tarn returns in June after two years away." }

    private func page(jsonBody: String, dom: String) -> Data {
        let json = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Ferry returns\",\"articleBody\":\"\(jsonBody)\"}"
        return Data("<html><head><script type=\"application/ld+json\">\(json)</script></head><body>\(dom)</body></html>".utf8)
    }

    @Test func aConfirmedBodyReplacesADomThatGaveTooLittle() throws {
        // Every paragraph sits inside a link, so the DOM reading drops them all as link farms.
        let dom = story.map { "<p><a href=\"/ferry\">\($0)</a></p>" }.joined()
        let article = try Normalizer().article(html: page(jsonBody: story.joined(separator: " "), dom: dom))
        #expect(article.text == story.joined(separator: " "))
    }

    @Test func aBodyThePageDoesNotContainIsIgnored() throws {
        let foreign = (1...4).map { "An older text \($0) about a bridge in Velde that the page no longer shows to anyone at all." }
        let dom = "<article>" + story.prefix(1).map { "<p>\($0)</p>" }.joined() + "</article>"
        let article = try Normalizer().article(html: page(jsonBody: foreign.joined(separator: " "), dom: dom))
        #expect(!article.text.contains("older text"))
    }
}

/// A visible byline names the author when the page declares none, and only then.
struct BylineTests {
    let story = "<p>" + String(repeating: "The night ferry between Orsa and Tarn returns in June, the operator said. ", count: 4) + "</p>"

    @Test func aBylineNamesTheAuthor() throws {
        let html = "<html><body><article><div class=\"author-name\">By Ana Weiss</div>\(story)</article></body></html>"
        #expect(try Normalizer().article(html: Data(html.utf8)).authors == ["Ana Weiss"])
    }

    @Test func aDeclaredAuthorWinsAndDatesAreNotNames() throws {
        let declared = "<html><head><meta name=\"author\" content=\"Jo Park\"></head><body><article><span class=\"byline\">By Ana Weiss</span>\(story)</article></body></html>"
        #expect(try Normalizer().article(html: Data(declared.utf8)).authors == ["Jo Park"])
        let dated = "<html><body><article><span class=\"byline\">Updated 12 March 2026</span>\(story)</article></body></html>"
        #expect(try Normalizer().article(html: Data(dated.utf8)).authors == [])
    }
}

/// `ChromeCutter` takes whole navigation, footer and aside elements out before parsing.
struct ChromeCutterTests {
    private func cut(_ html: String) -> String { String(decoding: ChromeCutter.cut(Array(html.utf8)), as: UTF8.self) }

    @Test func closedChromeGoesWithNestingCountedAndJSONLDKept() {
        let html = "<p>a</p><NAV class=x><nav>menu</nav><a>b</a></Nav><p>c</p>"
            + "<footer><script type=\"application/ld+json\">{\"x\":1}</script>d</footer><aside>e</aside><p>f</p>"
        #expect(cut(html) == "<p>a</p><p>c</p><script type=\"application/ld+json\">{\"x\":1}</script><p>f</p>")
    }

    @Test func unclosedChromeAndLookalikesStay() {
        #expect(cut("<nav><p>the rest of the page</p>") == "<nav><p>the rest of the page</p>")
        #expect(cut("<navigation>x</navigation><footers>y</footers>") == "<navigation>x</navigation><footers>y</footers>")
    }
}
