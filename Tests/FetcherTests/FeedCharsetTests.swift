import Foundation
@testable import Fetcher
import Testing

/// Feeds in the charsets news sites use, declared and not, decode to the same text.
struct FeedCharsetTests {
    static let cases: [(label: String, text: String)] = [
        ("windows-1251", "Новости дня"), ("windows-1254", "Güncel haberler: şehir"), ("windows-1252", "Café “quoted” – news"),
        ("iso-8859-2", "Zpráva dne: Łódź"), ("iso-8859-9", "İstanbul'da ağır"), ("koi8-r", "Главные новости"),
    ]

    private func feed(_ title: String, declared: String?) -> String {
        let declaration = declared.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? ""
        return declaration + "<rss version=\"2.0\"><channel><title>\(title)</title></channel></rss>"
    }

    @Test(arguments: cases.map(\.label))
    func declaredCharsetsDecode(label: String) throws {
        let text = Self.cases.first { $0.label == label }!.text
        let bytes = try #require(FeedCharset.convertFromUTF8(feed(text, declared: label), to: label))
        let parsed = try FeedParser().parse(Data(bytes), url: "")
        #expect(parsed.title == text)
        #expect(!parsed.malformed)
    }

    @Test func theHTTPCharsetOutranksTheDeclaration() throws {
        let bytes = try #require(FeedCharset.convertFromUTF8(feed("Новости", declared: "iso-8859-1"), to: "windows-1251"))
        let parsed = try FeedParser().parse(Data(bytes), url: "", contentType: "application/rss+xml; charset=windows-1251")
        #expect(parsed.title == "Новости")
    }

    @Test func undeclaredLatinBytesFallBackToWindows1252() throws {
        let bytes = try #require(FeedCharset.convertFromUTF8(feed("Notícias do dia", declared: nil), to: "windows-1252"))
        #expect(try FeedParser().parse(Data(bytes), url: "").title == "Notícias do dia")
    }

    @Test func utf16WithAndWithoutBOMDecodes() throws {
        for label in ["utf-16le", "utf-16be"] {
            let body = try #require(FeedCharset.convertFromUTF8(feed("Ωμέγα news", declared: "utf-16"), to: label))
            let bom: [UInt8] = label == "utf-16le" ? [0xFF, 0xFE] : [0xFE, 0xFF]
            #expect(try FeedParser().parse(Data(bom + body), url: "").title == "Ωμέγα news")
            #expect(try FeedParser().parse(Data(body), url: "").title == "Ωμέγα news", "first-bytes detection")
        }
    }
}
