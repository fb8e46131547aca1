import Foundation
import Normalizer
import Testing

/// Dates a page writes only for its readers, near the headline or in a byline, on pages
/// written for the test.
struct VisibleDateTests {
    let normalizer = Normalizer()
    private let body = "<p>The tide mill at Orsa turned again this spring, its keepers said, after the sluice gates were rebuilt.</p>"

    private func published(_ html: String, url: String? = nil) throws -> String? {
        let page = Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(html)</body></html>".utf8)
        return try normalizer.article(html: page, url: url).published.map { String(ISO8601DateFormatter().string(from: $0).prefix(10)) }
    }

    @Test(arguments: [
        ("<div class=\"meta\">Last updated: Dec 12, 2025</div>", "2025-12-12"),
        ("<p class=\"info\">September 1st, 2023 · 5 min read</p>", "2023-09-01"),
        ("<span>12. Dezember 2025</span>", "2025-12-12"),
        ("<span>12 Aralık 2025, 14:05</span>", "2025-12-12"),
        ("<span>3 février 2024</span>", "2024-02-03"),
        ("<span>12 de diciembre de 2025</span>", "2025-12-12"),
        ("<span>12 декабря 2025 г.</span>", "2025-12-12"),
        ("<span>Posted 2024-05-31</span>", "2024-05-31"),
        ("<span>25.09.2025</span>", "2025-09-25"),
        ("<span>09/25/2025</span>", "2025-09-25"),
        ("<span>25/09/2025</span>", "2025-09-25"),
    ])
    func aDateBelowTheHeadlineIsRead(line: String, expected: String) throws {
        #expect(try published("<h1>Tide mills</h1>\(line)\(body)") == expected)
    }

    @Test func aDatelineAboveTheHeadlineIsRead() throws {
        #expect(try published("<div>[Submitted on 18 Dec 2025]</div><h1>Tide mills</h1>\(body)") == "2025-12-18")
    }

    @Test func aBylineDateIsReadWhereverTheHeadlineIs() throws {
        let html = "<h1>Tide mills</h1>\(body)\(body)\(body)\(body)<div class=\"byline\">By Ana Weiss - Mar 27, 2024</div>"
        #expect(try published(html) == "2024-03-27")
    }

    @Test func theDateNearTheHeadlineWinsOverDatesOfTeasers() throws {
        let teasers = "<ul><li><span class=\"post-date\">December 2, 2025</span> Another story</li></ul>"
        #expect(try published("\(teasers)<h1>Tide mills</h1><div>Dec 12, 2025</div>\(body)") == "2025-12-12")
    }

    @Test func aFutureDateOrAnImpossibleOneIsNotADate() throws {
        #expect(try published("<h1>Tide mills</h1><div>Event on March 3, 2099</div>\(body)") == nil)
        #expect(try published("<h1>Tide mills</h1><div>February 30, 2024</div>\(body)") == nil)
    }

    @Test func aDeclaredOrURLDateComesFirst() throws {
        #expect(try published("<h1>Tide mills</h1><div>Dec 12, 2025</div>\(body)", url: "https://x.example/2024/03/17/mills") == "2024-03-17")
    }

    @Test func theHeadlineWindowHoldsWhenJSONLDNamesTheHeadline() throws {
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Tide mills\"}</script>"
        #expect(try published("\(ld)<h1>Tide mills</h1><div>Dec 12, 2025</div>\(body)") == "2025-12-12")
    }
}
