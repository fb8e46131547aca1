@testable import ingestd
import Foundation
import Testing
import TestSupport

/// `ingestd import crawl.warc[.gz]`: the pages of response and resource records, each with
/// its provenance, and nothing else.
struct WARCImportTests {
    static func record(_ type: String, _ uri: String, contentType: String, block: Data) -> Data {
        let head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\n"
            + "WARC-Date: 2025-05-04T03:02:01Z\r\nWARC-Target-URI: \(uri)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        return Data(head.utf8) + block + Data("\r\n\r\n".utf8)
    }

    static func page(_ title: String, _ words: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
            + (0..<4).map { "<p>\(words) Paragraph \($0) tells what the council decided and why the harbour matters to the town.</p>" }.joined()
            + "</article></body></html>"
    }

    /// A crawl: its info, a request, an HTML page sent gzip and chunked, an image, a 404, and a text resource.
    static func crawl() -> Data {
        let html = GzipMember.compress(Data(page("Harbour reopens", "The harbour reopened on Monday.").utf8))
        let chunked = Data(String(html.count, radix: 16).utf8) + Data("\r\n".utf8) + html + Data("\r\n0\r\n\r\n".utf8)
        let response = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + chunked
        var out = record("warcinfo", "", contentType: "application/warc-fields", block: Data("software: test\r\n".utf8))
        out += record("request", "https://news.example/harbour", contentType: "application/http;msgtype=request",
                      block: Data("GET /harbour HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8))
        out += record("response", "https://news.example/harbour", contentType: "application/http;msgtype=response", block: response)
        out += record("response", "https://news.example/logo.png", contentType: "application/http;msgtype=response",
                      block: Data("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{89}PNG".utf8))
        out += record("response", "https://news.example/gone", contentType: "application/http;msgtype=response",
                      block: Data("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>".utf8))
        out += record("resource", "https://news.example/notes", contentType: "text/html",
                      block: Data(page("Ferry timetable", "The ferry now sails every hour from the north pier.").utf8))
        return out
    }

    @Test(arguments: [false, true])
    func responsesAndResourcesArePagesAndTheRestIsSkipped(gzip: Bool) throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent(gzip ? "crawl.warc.gz" : "crawl.warc").path
        try (gzip ? GzipMember.compress(Self.crawl()) : Self.crawl()).write(to: URL(fileURLWithPath: path))
        let archive = folder.appendingPathComponent("a.sqlite").path
        let result = try IngestdProcess.run(["import", path, "--archive", archive])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 WARC records (4 not pages, skipped; 0 failed), 2 documents added"), "\(result.stdout)")
        let doc = try IngestdProcess.run(["docs", "show", "1", "--json", "--archive", archive]).stdout
        #expect(doc.contains("The harbour reopened on Monday.") && doc.contains(#""url" : "https://news.example/harbour""#), "\(doc)")
        #expect(doc.contains("2025-05-04T03:02:01Z"), "the capture's time is the record's")
        let again = try IngestdProcess.run(["import", path, "--archive", archive])
        #expect(again.stdout.contains("0 documents added"), "the record ids are the entries: \(again.stdout)")
    }

    /// The demo archive's WARC export, imported into a new archive, gives back its documents.
    @Test func anExportedWARCImportsToTheSameDocuments() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let warc = site.folder.appendingPathComponent("demo.warc.gz").path
        #expect(try IngestdProcess.run(["export", "--format", "warc", "--out", warc, "--archive", site.archive]).status == 0)
        let copy = site.folder.appendingPathComponent("copy.sqlite").path
        let imported = try IngestdProcess.run(["import", warc, "--archive", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        func texts(_ archive: String) throws -> Set<String> {
            let out = try IngestdProcess.run(["export", "--format", "jsonl", "--archive", archive]).stdout
            return Set(try out.split(separator: "\n").map { line in
                (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String ?? ""
            })
        }
        let original = try texts(site.archive), copied = try texts(copy)
        #expect(!original.isEmpty && copied == original)
    }
}
