import Foundation
@testable import ingestd
import Testing
import TestSupport

/// `ingestd clusters report --html` on the demo archive, drawn by a real browser.
struct ClustersReportTests {
    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    @Test(.enabled(if: HeadlessChromium.unavailable == nil, "\(HeadlessChromium.unavailable ?? "")"))
    func theDemoReportRendersWithItsClustersAndMarkedPassages() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let page = site.folder.appendingPathComponent("report.html")
        let written = try IngestdProcess.run(["clusters", "report", "--html", page.path, "--archive", site.archive])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: nothing for a browser to fetch, and a policy that would refuse it anyway.
        for fetch in ["<script", "<link", " src=", "url(", "@import", "<iframe"] { #expect(!html.contains(fetch), "\(fetch)") }
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        // The charts' counts: per day of publication, originals and copies.
        #expect(html.contains("12 documents, 3 of them copies or rewrites"))
        #expect(html.contains("<title>03-03: originals 3, copies 2</title>") && html.contains("<title>03-02: originals 1, copies 1</title>"))

        let dom = try HeadlessChromium.dom(of: page)
        let sections = matches(#"<section class="cluster" id="cluster-\d+" data-cluster="\d+">(.*?)</section>"#, in: dom)
        #expect(sections.count == 2)
        // Newest story first: the strike (3 March) above the bridge (2 March).
        #expect(sections.first?.contains("Valmora dock workers end 19-day strike after wage deal") == true)
        #expect(sections.last?.contains("Regional council approves Estrel river bridge after decade of delays") == true)
        let strike = sections.first ?? "", bridge = sections.last ?? ""
        for title in ["Strike over: Valmora dockers accept 11% pay rise", "Cranes to restart in Valmora as union backs pay offer"] {
            #expect(strike.contains(title), "\(title)")
        }
        // The rewrite's wire passages are marked in both columns, with the same number.
        let marks = matches(#"<mark class="p\d" data-passage="\d+">(.*?)</mark>"#, in: strike)
        let wire = "night-shift allowance that the union had demanded since the last contract expired in October"
        #expect(marks.filter { $0 == wire }.count == 2, "\(marks)")
        // The republished bridge story: the paragraph cut and the credit added, and the new headline.
        #expect(matches(#"<del>(.*?)</del>"#, in: bridge).contains { $0.contains("An environmental review found") })
        #expect(matches(#"<ins>(.*?)</ins>"#, in: bridge).contains { $0.contains("Source: Meridian Wire") })
        #expect(matches(#"<ins>(.*?)</ins>"#, in: bridge).contains("Estrel bridge gets the green light"))
        #expect(matches(#"<svg class="(timeline|chart)""#, in: dom).sorted() == ["chart", "chart", "timeline", "timeline"])

        let png = site.folder.appendingPathComponent("report.png")
        try HeadlessChromium.screenshot(of: page, to: png, width: 1280, height: 1600)
        let image = try PNGImage(contentsOf: png)
        #expect(image.width == 1280 && image.height == 1600)
        #expect(image.inkShare > 0.05 && image.distinctColours > 50, "ink \(image.inkShare), colours \(image.distinctColours)")
        // The charts were drawn: bars in both colours.
        let colours = Set(image.pixels)
        #expect(colours.contains(0x2F6690) && colours.contains(0xF4A259))
    }

    @Test func aWindowWithNoClustersStillWritesAPage() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let out = try IngestdProcess.run(["clusters", "report", "--html", "-", "--since", "2999-01-01", "--archive", site.archive])
        #expect(out.status == 0 && out.stdout.contains("No clusters with two or more documents since 2999-01-01"), "\(out.stderr)")
        let refused = try IngestdProcess.run(["clusters", "report", "--html", "/nonexistent/dir/r.html", "--archive", site.archive])
        #expect(refused.status == 73 && refused.stderr.contains("/nonexistent/dir/r.html"), "\(refused.stderr)")
    }

    /// A story copied many times shows the first copies beside it, not every one.
    @Test func aLargeClusterShowsAFewPairsAndListsEveryMember() throws {
        let folder = try TestPaths.temporaryFolder()
        let story = (1...12).map { "Sentence \($0) of the harbour report says the cranes at quay \($0) restart on Monday morning." }
            .joined(separator: " ")
        let lines = (0..<20).map { i in
            String(decoding: try! JSONSerialization.data(withJSONObject: [
                "id": "c\(i)", "text": story + (i == 0 ? "" : " Republished by outlet number \(i) with thanks."),
            ]), as: UTF8.self)
        }
        let corpus = folder.appendingPathComponent("copies.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: corpus)
        let archive = folder.appendingPathComponent("copies.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", corpus.path, "--archive", archive]).status == 0)
        let page = try IngestdProcess.run(["clusters", "report", "--html", "-", "--archive", archive]).stdout
        #expect(page.components(separatedBy: "<tr class=\"member\"").count == 21)
        #expect(page.components(separatedBy: "<div class=\"pair\"").count == ReportCluster.maxPairs + 1)
        #expect(page.contains("\(19 - ReportCluster.maxPairs) more members are in the table above"))
    }

    @Test func valuesFromTheWebCannotAddMarkupOrScriptLinks() {
        #expect(HTML.escape("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(HTML.link("javascript:alert(1)") == "javascript:alert(1)")
        #expect(HTML.link("https://example.org/a?b=1&c=\"2\"", text: "<b>") ==
            "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noreferrer noopener\">&lt;b&gt;</a>")
    }
}
