import Archive
import Foundation

/// Reads the lines `ingestd export --format jsonl` writes back into `DocumentDetail`s: the
/// same snake_case keys and ISO 8601 dates as `JSONOutput`, including the keys whose
/// acronyms snake_case cannot restore by itself (`canonical_url`, `final_url`, `capture_id`, `capture_sha256`).
enum ExportedDocumentReader {
    /// Whether a line is one of ingestd's own export lines (rather than a corpus line).
    static func isExportLine(_ line: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return false }
        return object["content_hash"] != nil && object["sightings"] != nil && object["first_seen"] != nil
    }

    /// A line's document, its corpus line (`record`) included byte for byte.
    static func document(_ line: Data, _ decoder: JSONDecoder, _ reader: JSONObjectReader) throws -> DocumentDetail {
        var doc = try decoder.decode(DocumentDetail.self, from: line)
        doc.record = try reader.rawMember("record", of: line)
        return doc
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        d.keyDecodingStrategy = .custom { path in
            let key = path.last!.stringValue
            if let special = irregular[key] { return AnyKey(special) }
            let parts = key.split(separator: "_")
            return AnyKey(String(parts.first ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
        }
        return d
    }

    private static let irregular = ["canonical_url": "canonicalURL", "final_url": "finalURL", "capture_id": "captureID",
                                    "capture_sha256": "captureSHA256"]

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
