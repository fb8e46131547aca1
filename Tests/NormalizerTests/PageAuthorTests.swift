import Foundation
import Normalizer
import Testing

/// Authors a page names only in its markup or visible text, on pages written for the test.
struct PageAuthorTests {
    let normalizer = Normalizer()
    private let body = "<p>The tide mill at Orsa turned again this spring, its keepers said, after the sluice gates were rebuilt.</p>"

    private func authors(_ html: String, head: String = "") throws -> [String] {
        let page = Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(html)</body></html>".utf8)
        return try normalizer.article(html: page).authors
    }

    @Test func aLinkToAnAuthorPageNamesTheAuthor() throws {
        #expect(try authors("<h1>Tide mills</h1><span><a href=\"/authors/ana-weiss\">Ana Weiss</a></span>\(body)") == ["Ana Weiss"])
    }

    @Test func aLabelledBylineBelowTheHeadlineNamesTheAuthor() throws {
        let html = "<h1>Tide mills</h1><div><p>Written by</p><p>Ana Weiss</p></div><div>Table of contents</div>\(body)"
        #expect(try authors(html) == ["Ana Weiss"])
        #expect(try authors("<h1>Tide mills</h1><div>September 1st, 2023 <span>By Ana Weiss</span></div>\(body)") == ["Ana Weiss"])
    }

    @Test func anEmptyBylineElementDoesNotHideTheNextOne() throws {
        let html = "<h1>Tide mills</h1><div class=\"byline\"><img src=\"/a.jpg\"></div><p class=\"byline\">By Ana Weiss</p>\(body)"
        #expect(try authors(html) == ["Ana Weiss"])
    }

    @Test func aJSONLDAuthorGivenByReferenceIsResolved() throws {
        let ld = """
            <script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Tide mills","author":{"@id":"#ana"}},
            {"@type":"Person","@id":"#ana","name":"Ana Weiss"}]}</script>
            """
        #expect(try authors("<h1>Tide mills</h1>\(body)", head: ld) == ["Ana Weiss"])
    }

    @Test func anAboutTheAuthorHeadingIsNotAName() throws {
        #expect(try authors("<h1>Tide mills</h1>\(body)<div class=\"author-name\">About the author</div>") == [])
    }
}
