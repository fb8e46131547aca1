import Foundation
import Normalizer
import Testing

/// Pages in legacy encodings decode to the same text as their UTF-8 originals.
struct CharsetTests {
    let normalizer = Normalizer()
    let sentence: [String: String] = [
        "windows-1251": "Жители Орсы спорят о цене проезда по новому мосту через реку.",
        "windows-1254": "Orsa sakinleri yeni köprünün geçiş ücreti konusunda ikiye bölündü.",
        "ISO-8859-9": "Şehirde öğrenciler ılık bir günde çarşıya gittiler ve çay içtiler.",
        "ISO-8859-1": "Les habitants d'Orsa sont divisés sur le péage du nouveau pont à l'été.",
    ]

    /// The text in `name`, encoded by glibc's iconv(1) so the test does not trust our own decoder.
    private func encoded(_ text: String, as name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", name]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// A page whose article is `text` encoded as `name`, with `head` before the body.
    private func page(_ text: String, as name: String, head: String = "") throws -> Data {
        var html = Data("<html>\(head)<body><article><p>".utf8)
        html.append(try encoded(text, as: name))
        html.append(Data("</p></article></body></html>".utf8))
        return html
    }

    @Test(arguments: ["windows-1251", "windows-1254", "ISO-8859-9", "ISO-8859-1"])
    func metaCharsetIsHonoured(name: String) throws {
        let html = try page(sentence[name]!, as: name, head: "<head><meta charset=\"\(name)\"></head>")
        #expect(try normalizer.article(html: html).paragraphs == [sentence[name]!])
    }

    @Test(arguments: ["windows-1251", "windows-1254"])
    func httpHeaderCharsetIsHonouredWithoutMeta(name: String) throws {
        let html = try page(sentence[name]!, as: name)
        #expect(try normalizer.article(bytes: html, contentType: "text/html; charset=\(name)").paragraphs == [sentence[name]!])
    }

    @Test(arguments: ["windows-1251", "windows-1254", "ISO-8859-9", "ISO-8859-1"])
    func undeclaredLegacyEncodingsAreDetected(name: String) throws {
        let html = try page(sentence[name]!, as: name)
        #expect(try normalizer.article(html: html).paragraphs == [sentence[name]!])
    }

    @Test func undeclaredUTF8IsDetected() throws {
        let text = sentence["windows-1254"]!
        #expect(try normalizer.article(html: Data("<html><body><p>\(text)</p></body></html>".utf8)).paragraphs == [text])
    }
}
