import Archive
import Foundation
import Timestamps

/// One document as a CSV row (RFC 4180: fields with commas, quotes or line breaks are
/// quoted, quotes doubled, lines end in CRLF), and the header row naming the columns.
enum CSVRow {
    static let header = ["id", "cluster", "relation", "title", "published", "language", "site_name", "canonical_url",
                         "url", "first_seen", "word_count", "content_hash", "text"]

    static func line(_ fields: [String]) -> Data {
        Data((fields.map(quoted).joined(separator: ",") + "\r\n").utf8)
    }

    static func fields(_ d: DocumentDetail) -> [String] {
        [String(d.id), String(d.cluster), d.relation, d.title ?? "", d.published.map(TimestampParser.iso8601String) ?? "",
         d.language ?? "", d.siteName ?? "", d.canonicalURL ?? "", d.sightings.first?.finalURL ?? "",
         TimestampParser.iso8601String(d.firstSeen), String(d.wordCount), d.contentHash, d.text]
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
