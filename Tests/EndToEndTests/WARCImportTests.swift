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
        // The copy's own export holds the same exchanges, byte for byte: requests and
        // responses as they crossed the wire, and warcio finds every digest right.
        let again = site.folder.appendingPathComponent("again.warc.gz").path
        #expect(try IngestdProcess.run(["export", "--format", "warc", "--out", again, "--archive", copy]).status == 0)
        #expect(try Warcio.check(again).status == 0)
        func exchanges(_ path: String) throws -> Set<[String]> {
            Set(try Warcio.index(path, fields: ["warc-type", "warc-target-uri", "warc-block-digest"])
                .filter { ["request", "response"].contains($0["warc-type"]) }
                .map { [$0["warc-type"] ?? "", $0["warc-target-uri"] ?? "", $0["warc-block-digest"] ?? ""] })
        }
        let first = try exchanges(warc)
        let second = try exchanges(again)
        #expect(first.count == 24 && first == second)
    }

    /// A WARC that warcio writes, as a crawler would (response, then its request
    /// WARC-Concurrent-To it; the page gzip-encoded and chunked): imported, the page is a
    /// document, and exported again, its request and response are the bytes warcio wrote.
    @Test func aWARCThatWarcioWritesImportsAndExportsAsItWas() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("crawl.warc.gz").path
        let html = Self.page("Harbour reopens", "The harbour reopened on Monday after a week of repairs to the outer wall.")
        let script = """
            import gzip, io, sys
            from warcio.warcwriter import WARCWriter
            from warcio.statusandheaders import StatusAndHeaders
            body = gzip.compress(sys.argv[2].encode())
            chunked = b"%x\\r\\n%s\\r\\n0\\r\\n\\r\\n" % (len(body), body)
            with open(sys.argv[1], "wb") as out:
                w = WARCWriter(out, gzip=True)
                uri = "https://news.example/harbour"
                head = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                                   ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
                resp = w.create_warc_record(uri, "response", payload=io.BytesIO(chunked), http_headers=head)
                req = w.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=StatusAndHeaders(
                    "GET /harbour HTTP/1.1", [("Host", "news.example"), ("User-Agent", "crawler/1")], is_http_request=True))
                req.rec_headers.add_header("WARC-Concurrent-To", resp.rec_headers.get_header("WARC-Record-ID"))
                w.write_record(resp)
                w.write_record(req)
                w.write_record(w.create_warc_record("https://news.example/logo.png", "response", payload=io.BytesIO(b"PNG"),
                    http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")))
            """
        let written = try Warcio.python(script, [path, html])
        #expect(written.status == 0, "\(written.stderr)")
        let archive = folder.appendingPathComponent("a.sqlite").path
        let imported = try IngestdProcess.run(["import", path, "--archive", archive])
        #expect(imported.status == 0 && imported.stdout.contains("3 WARC records (2 not pages, skipped; 0 failed), 1 documents added"),
                "\(imported.stdout)\(imported.stderr)")
        #expect(try IngestdProcess.run(["docs", "show", "1", "--archive", archive]).stdout.contains("outer wall"))
        let exported = folder.appendingPathComponent("out.warc.gz").path
        #expect(try IngestdProcess.run(["export", "--format", "warc", "--out", exported, "--archive", archive]).status == 0)
        #expect(try Warcio.check(exported).status == 0)
        // (warcio also gives its request record a payload digest; ingestd gives one to responses only.)
        func exchange(_ path: String) throws -> Set<[String: String]> {
            Set(try Warcio.index(path, fields: ["warc-type", "warc-target-uri", "warc-block-digest", "warc-payload-digest"])
                .filter { $0["warc-target-uri"] == "https://news.example/harbour" && $0["warc-type"] != "metadata" }
                .map { $0["warc-type"] == "request" ? $0.filter { $0.key != "warc-payload-digest" } : $0 })
        }
        let original = try exchange(path), again = try exchange(exported)
        #expect(original == again && again.count == 2, "\(original)\n\(again)")
    }
}
