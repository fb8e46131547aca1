import Foundation

/// One line of a clustering in the format `../shared/dedup/score.py` reads:
/// `{"id":ID,"cluster":N}` plus `"relation"` and `"canonical"` (the canonical's id) when known.
///
/// Ids are written as they are, already JSON (`"a7"` or `17`), so their type survives; a
/// line without a cluster (no text to compare) has `"cluster":null`.
enum PredictionLine {
    static func data(idJSON: String, cluster: Int64?, relation: String? = nil, canonical: String? = nil) -> Data {
        // Appended piece by piece into one string, then copied out whole: `dedup` writes a
        // line per input line, and interpolation and a byte-by-byte `Data` cost more than
        // the rest of writing.
        var line = "{\"id\":"
        line.reserveCapacity(48 + idJSON.utf8.count + (canonical?.utf8.count ?? 0))
        line += idJSON
        line += ",\"cluster\":"
        line += cluster.map { String($0) } ?? "null"
        if let relation {
            line += ",\"relation\":\""
            line += relation
            line += "\""
        }
        if let canonical {
            line += ",\"canonical\":"
            line += canonical
        }
        line += "}\n"
        return line.withUTF8 { Data($0) }
    }
}
