import Foundation

/// One line of a clustering in the format `../shared/dedup/score.py` reads:
/// `{"id":ID,"cluster":N}` plus `"relation"` when known.
///
/// `idJSON` is written as it is, already JSON (`"a7"` or `17`), so the id's type survives.
enum PredictionLine {
    static func data(idJSON: String, cluster: Int64, relation: String? = nil) -> Data {
        let tail = relation.map { ",\"relation\":\"\($0)\"" } ?? ""
        return Data("{\"id\":\(idJSON),\"cluster\":\(cluster)\(tail)}\n".utf8)
    }
}
