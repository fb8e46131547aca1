import Foundation
import Archive
import Normalizer
import Timestamps

/// One line of a JSONL corpus: `{id, text[, url, title, published, source]}`, read through
/// a `JSONObjectReader`.
///
/// The id may be a JSON string or number. `idJSON` keeps it exactly as given (`"a7"` or
/// `17`), so exports hand back the same value and type that came in. A line is archived as
/// its own raw capture, of type `contentType`; `article` is how its text is read, on import
/// and again by `renormalize`, so both read a line the same way.
struct CorpusLine {
    static let contentType = DocumentDetail.recordContentType

    var idJSON: String
    var text: String
    var url: String?
    var title: String?
    var published: String?
    var source: String?

    /// The members that hold a line's id, text, title, URL and publication date: `id`,
    /// `text`, `title`, `url` and `published` unless the user names others (`meta.id`
    /// reaches into an object).
    struct Fields: Sendable {
        var id = "id"
        var text = "text"
        var title = "title"
        var url = "url"
        var date = "published"
    }

    /// Reads one line (a JSON object); other members than the six above are ignored.
    init(json line: some ContiguousBytes, reader: JSONObjectReader, fields: Fields = Fields()) throws {
        (idJSON, text, url, title, published, source) = try reader.withMembers(of: line) { m in
            let id: String
            switch m.value(fields.id) {
            case let .string(s): id = Self.quoted(s)
            case let .integer(n): id = String(n)
            case nil: throw JSONObjectReader.Failure(description: "missing \"\(fields.id)\"")
            default: throw JSONObjectReader.Failure(description: "\"\(fields.id)\" must be a string or an integer")
            }
            let text: String
            switch m.value(fields.text) {
            case let .string(s): text = s
            case nil, .null: throw JSONObjectReader.Failure(description: "missing \"\(fields.text)\"")
            default: throw JSONObjectReader.Failure(description: "\"\(fields.text)\" must be a string")
            }
            return (id, text, try Self.string(m, fields.url), try Self.string(m, fields.title),
                    try Self.string(m, fields.date), try Self.string(m, "source"))
        }
    }

    /// A member that must be a string when present; null counts as absent.
    private static func string(_ members: JSONObjectReader.Members, _ key: String) throws -> String? {
        switch members.value(key) {
        case let .string(s): return s
        case nil, .null: return nil
        default: throw JSONObjectReader.Failure(description: "\"\(key)\" must be a string")
        }
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
