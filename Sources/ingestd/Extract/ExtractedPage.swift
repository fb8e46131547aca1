import Foundation
import Normalizer
import Timestamps

/// One entry of `extract`'s output, in the field names extraction benchmarks read.
struct ExtractedPage: Encodable {
    var articleBody: String
    var title: String?
    var author: String?
    var published: String?
    var modified: String?
    var description: String?
    var language: String?
    var siteName: String?
    var canonicalURL: String?

    static let empty = ExtractedPage(articleBody: "")

    init(articleBody: String) { self.articleBody = articleBody }

    init(_ article: Article) {
        articleBody = article.text
        title = article.title
        author = article.authors.isEmpty ? nil : article.authors.joined(separator: "; ")
        published = article.published.map(TimestampParser.iso8601String)
        modified = article.modified.map(TimestampParser.iso8601String)
        description = article.description
        language = article.language
        siteName = article.siteName
        canonicalURL = article.canonicalURL
    }

    /// `"id":{…}`, preceded by a comma unless it is the first entry.
    func jsonEntry(id: String, first: Bool) throws -> Data {
        var out = Data(first ? [] : [UInt8(ascii: ",")])
        out.append(contentsOf: [0x0A])
        out.append(try Self.encoder.encode(id))
        out.append(UInt8(ascii: ":"))
        out.append(try Self.encoder.encode(self))
        return out
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()
}
