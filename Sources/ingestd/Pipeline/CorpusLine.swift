import Foundation
import Normalizer
import Timestamps

/// One line of a JSONL corpus: `{id, text[, url, title, published, source]}`.
///
/// The id may be a JSON string or number. `idJSON` keeps it exactly as given (`"a7"` or
/// `17`), so exports hand back the same value and type that came in. A line is archived as
/// its own raw capture, of type `contentType`; `article` is how its text is read, on import
/// and again by `renormalize`, so both read a line the same way.
struct CorpusLine: Decodable {
    static let contentType = "application/x-ndjson"

    var idJSON: String
    var text: String
    var url: String?
    var title: String?
    var published: String?
    var source: String?

    enum CodingKeys: String, CodingKey {
        case id, text, url, title, published, source
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let s = try? c.decode(String.self, forKey: .id) {
            idJSON = Self.quoted(s)
        } else if let n = try? c.decode(Int64.self, forKey: .id) {
            idJSON = String(n)
        } else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "id must be a string or an integer")
        }
        text = try c.decode(String.self, forKey: .text)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    /// `s` as a JSON string. Printable ASCII without quotes or backslashes needs no
    /// escaping (the usual id); anything else goes through the encoder.
    private static func quoted(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
        return (try? String(decoding: JSONEncoder().encode(s), as: UTF8.self)) ?? "\"\""
    }

    /// The line's text as an article: normalized as plain text, with the line's own title
    /// (else one taken from the text) and publication date.
    func article(_ normalizer: Normalizer) -> Article {
        var article = normalizer.article(plainText: text)
        article.title = title ?? article.title
        article.published = published.flatMap(TimestampParser.parse)
        return article
    }
}
