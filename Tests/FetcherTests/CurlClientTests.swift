import Fetcher
import Foundation
import Testing
import TestSupport

/// The libcurl client against a real HTTP server on loopback.
@Suite(.serialized)
struct CurlClientTests {
    let root: URL
    let server: LoopbackServer
    let client: CurlClient

    init() throws {
        root = try TestPaths.temporaryFolder()
        try Data("<rss version=\"2.0\"><channel><title>T</title></channel></rss>".utf8).write(to: root.appendingPathComponent("feed.rss"))
        try Data(repeating: 0x61, count: 200_000).write(to: root.appendingPathComponent("big.html"))
        server = try LoopbackServer(root: root)
        var settings = FetchSettings()
        settings.maxBodyBytes = 100_000
        settings.totalTimeout = 10
        settings.retries = 0
        client = CurlClient(settings: settings)
    }

    @Test func okResponsesCarryStatusHeadersValidatorsAndBody() throws {
        let c = try client.fetch(FetchRequest(url: server.url("feed.rss")))
        #expect(c.status == 200)
        #expect(c.etag?.hasPrefix("\"") == true)
        #expect(c.lastModified != nil)
        #expect(c.contentType == "application/xml")
        #expect(String(decoding: c.body, as: UTF8.self).contains("<title>T</title>"))
    }

    @Test func aConditionalGetWithTheETagGets304AndNoBody() throws {
        let first = try client.fetch(FetchRequest(url: server.url("feed.rss")))
        let second = try client.fetch(FetchRequest(url: server.url("feed.rss"), etag: first.etag))
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
        let third = try client.fetch(FetchRequest(url: server.url("feed.rss"), lastModified: first.lastModified))
        #expect(third.isNotModified)
    }

    @Test func redirectsAreFollowedAndTheFinalURLReported() throws {
        let c = try client.fetch(FetchRequest(url: server.url("redirect/301/feed.rss")))
        #expect(c.status == 200)
        #expect(c.finalURL == server.url("feed.rss"))
        #expect(c.requestedURL == server.url("redirect/301/feed.rss"))
    }

    @Test func aRedirectLoopIsAnErrorNamingTheURL() {
        #expect { try client.fetch(FetchRequest(url: server.url("loop"))) } throws: { error in
            let e = error as? FetchError
            return e?.url == server.url("loop") && e?.reason.lowercased().contains("redirect") == true
        }
    }

    @Test func gzipBodiesAreDecoded() throws {
        let c = try client.fetch(FetchRequest(url: server.url("gzip/feed.rss")))
        #expect(c.header("Content-Encoding") == "gzip")
        #expect(String(decoding: c.body, as: UTF8.self).contains("<rss"))
    }

    /// The exchange is kept as it crossed the wire: the request as sent, the status line and
    /// headers as received, and the body still chunked and gzip-encoded.
    @Test func theWireBytesAreKeptBesideTheDecodedBody() throws {
        let c = try client.fetch(FetchRequest(url: server.url("chunked/feed.rss")))
        #expect(String(decoding: c.body, as: UTF8.self).contains("<rss"))
        let request = String(decoding: c.requestHead ?? Data(), as: UTF8.self)
        #expect(request.hasPrefix("GET /chunked/feed.rss HTTP/1.1\r\n") && request.hasSuffix("\r\n\r\n"), "\(request)")
        let head = String(decoding: c.responseHead ?? Data(), as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.contains("Transfer-Encoding: chunked\r\n") && head.hasSuffix("\r\n\r\n"))
        let wire = try #require(c.wireBody)
        let size = try #require(wire.firstIndex(of: 0x0D).flatMap { Int(String(decoding: wire[..<$0], as: UTF8.self), radix: 16) })
        #expect(wire[wire.index(wire.startIndex, offsetBy: String(size, radix: 16).count + 2)...].starts(with: [0x1F, 0x8B]))
        #expect(wire.suffix(5) == Data("0\r\n\r\n".utf8))
        // An identity body is not kept twice.
        #expect(try client.fetch(FetchRequest(url: server.url("feed.rss"))).wireBody == nil)
    }

    @Test func serverErrorsAreResponsesNotExceptions() throws {
        #expect(try client.fetch(FetchRequest(url: server.url("status/503"))).status == 503)
    }

    @Test func bodiesOverTheCapAreRefused() {
        #expect { try client.fetch(FetchRequest(url: server.url("big.html"))) } throws: { error in
            (error as? FetchError)?.reason.contains("max_body_bytes") == true
        }
    }

    @Test func refusedConnectionsNameTheURL() {
        #expect { try client.fetch(FetchRequest(url: "http://127.0.0.1:9/feed")) } throws: { error in
            (error as? FetchError)?.url == "http://127.0.0.1:9/feed"
        }
    }

    @Test func fileURLsAreReadAndMissingFilesAreErrors() throws {
        let c = try client.fetch(FetchRequest(url: root.appendingPathComponent("feed.rss").absoluteString))
        #expect(c.status == 200)
        #expect(throws: FetchError.self) { try client.fetch(FetchRequest(url: root.appendingPathComponent("none.rss").absoluteString)) }
    }
}
