/// A WHERE clause built condition by condition, each written with `?` for its one value,
/// which becomes the next `$n` parameter.
struct PostgresConditions {
    private(set) var clauses: [String]
    private(set) var arguments: [PostgresConnection.Value]

    init(_ clauses: [String] = ["TRUE"], arguments: [PostgresConnection.Value] = []) {
        self.clauses = clauses
        self.arguments = arguments
    }

    mutating func add(_ condition: String, _ value: PostgresConnection.Value) {
        arguments.append(value)
        clauses.append(condition.replacingOccurrences(of: "?", with: "$\(arguments.count)"))
    }

    /// A condition without a value.
    mutating func add(_ condition: String) { clauses.append(condition) }

    var sql: String { clauses.joined(separator: " AND ") }
}
