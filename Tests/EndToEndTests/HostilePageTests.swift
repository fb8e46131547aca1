import Foundation
import Testing
import TestSupport

/// Hostile pages through `ingestd extract`, a real subprocess: each ends in a clear error
/// naming the file, or an empty or repaired article, within bounded time and memory.
struct HostilePageTests {
    private func extract(_ name: String, _ bytes: Data) throws -> (result: IngestdProcess.Result, seconds: Double, article: String?, rssMB: Int) {
        let folder = try TestPaths.temporaryFolder()
        let page = folder.appendingPathComponent(name)
        try bytes.write(to: page)
        let out = folder.appendingPathComponent("out.json").path
        let started = Date()
        let result = try IngestdProcess.run(["extract", page.path, "--out", out])
        let seconds = Date().timeIntervalSince(started)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: [String: Any]]
        let id = (name as NSString).deletingPathExtension
        let rss = result.stderr.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("peak_rss_mb=") }
            .flatMap { Int($0.dropFirst(12)) } ?? -1
        return (result, seconds, json?[id]?["articleBody"] as? String, rss)
    }

    @Test func fiftyMegabytesOfNestingIsRefusedByName() throws {
        let page = Data(("<html><body>" + String(repeating: "<div>", count: 10 * 1024 * 1024)).utf8)
        let run = try extract("nesting.html", page)
        #expect(run.result.status == 1)
        #expect(run.result.stderr.contains("nesting.html: input is \(page.count) bytes, over the 16777216-byte limit"))
        #expect(run.seconds < 10)
    }

    @Test func aMillionLinksGiveAnEmptyArticleInBoundedMemory() throws {
        let page = Data(("<html><body><p>" + String(repeating: "<a>x</a>", count: 1_000_000) + "</p></body></html>").utf8)
        let run = try extract("links.html", page)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.article == "")
        #expect(run.seconds < 60)
        #expect(run.rssMB > 0 && run.rssMB < 400, "peak RSS \(run.rssMB) MB")
    }

    @Test func aNulFilledFileIsNamedAsBinary() throws {
        let run = try extract("zeros.html", Data(repeating: 0, count: 1_000_000))
        #expect(run.result.status == 1)
        #expect(run.result.stderr.contains("zeros.html: input looks binary (NUL bytes)"))
    }

    @Test func invalidUTF8IsRepairedNotFatal() throws {
        let sentence = Data("Valid words on both sides of the broken bytes, enough of them to make a paragraph. ".utf8)
        var body = Data("<html><head><meta charset=utf-8></head><body><article><p>".utf8)
        for _ in 0..<5 { body += sentence + Data([0xFF, 0xFE, 0xC3, 0x28, 0xE2, 0x82]) }
        body += Data("</p></article></body></html>".utf8)
        let run = try extract("broken.html", body)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.article?.contains("Valid words on both sides of the broken bytes") == true)
    }

    /// The HTML5 parser reads attributes in linear time, so a tag with 80,000 of them is read,
    /// not refused (libxml2 took 11 s on it; a byte count refused real pages with it).
    @Test func eightyThousandAttributesOnOneTagAreReadWithinASecond() throws {
        let attributes = (0..<80_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let text = "Text of the page, long enough to be the article: the tide mill at Orsa turned again this spring."
        let page = Data("<html><body><div \(attributes)><p>\(text)</p></div></body></html>".utf8)
        let run = try extract("attributes.html", page)
        #expect(run.seconds <= 1, "took \(run.seconds) s")
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.article == text)
    }

    /// A parse past `normalizer.max_parse_seconds` is stopped and the page refused by name.
    @Test func aParsePastItsTimeBudgetIsStopped() throws {
        let folder = try TestPaths.temporaryFolder()
        let page = folder.appendingPathComponent("slow.html")
        try Data(("<html><body>" + String(repeating: "<div><p>word and more words</p></div>", count: 300_000) + "</body></html>").utf8)
            .write(to: page)
        let config = folder.appendingPathComponent("ingestd.yaml")
        try Data("normalizer:\n  max_parse_seconds: 0.05\n".utf8).write(to: config)
        let run = try IngestdProcess.run(["extract", page.path, "--out", folder.appendingPathComponent("out.json").path,
                                          "--config", config.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("slow.html: cannot parse as HTML: parsing took more than 0.05 s and was stopped"), "\(run.stderr)")
        let normal = try IngestdProcess.run(["extract", page.path, "--out", folder.appendingPathComponent("out.json").path])
        #expect(normal.status == 0, "the default budget is far above a real parse: \(normal.stderr)")
    }
}
