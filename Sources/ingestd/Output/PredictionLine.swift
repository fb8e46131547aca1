import Foundation

/// One line of a clustering in the format `../shared/dedup/score.py` reads:
/// `{"id":ID,"cluster":N}` plus `"relation"` and `"canonical"` (the canonical's id) when known.
///
/// Ids are written as they are, already JSON (`"a7"` or `17`), so their type survives; a
/// line without a cluster (no text to compare) has `"cluster":null`.
enum PredictionLine {
    static func data(idJSON: String, cluster: Int64?, relation: String? = nil, canonical: String? = nil) -> Data {
        var line = "{\"id\":\(idJSON),\"cluster\":\(cluster.map(String.init) ?? "null")"
        if let relation { line += ",\"relation\":\"\(relation)\"" }
        if let canonical { line += ",\"canonical\":\(canonical)" }
        return Data((line + "}\n").utf8)
    }
}
