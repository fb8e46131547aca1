import GRDB

/// The rows of a query ordered by document id, as each document's keys (for `segmentIndexes`).
struct KeysByDocument {
    let rows: RowCursor
    let key: (Row) -> UInt64
    private(set) var document: Int64?
    var next: UInt64?

    init(_ db: Database, sql: String, key: @escaping (Row) -> UInt64) throws {
        rows = try Row.fetchCursor(db, sql: sql)
        self.key = key
        try advance()
    }

    /// The keys of `document`, if it is the next one; none otherwise.
    mutating func take(_ document: Int64) throws -> [UInt64] {
        var out: [UInt64] = []
        while self.document == document, let next {
            out.append(next)
            try advance()
        }
        return out
    }

    private mutating func advance() throws {
        guard let row = try rows.next() else {
            document = nil
            next = nil
            return
        }
        document = row[0]
        next = key(row)
    }
}
