import CLibPQ
import Foundation

/// One connection to a PostgreSQL server through libpq: synchronous, as a command-line pass
/// is, used from one thread at a time.
///
/// Guarantees: statements go with their parameters apart (`PQexecParams`), never spliced
/// into the SQL; results come back in binary, so integers, dates and bytes arrive exact;
/// every failure is an `ArchiveError` naming the server (never its password) and carrying
/// PostgreSQL's own message; the connection is closed when the value goes.
final class PostgresConnection {
    /// A statement parameter.
    enum Value {
        case int(Int64)
        case text(String)
        case bytes(Data)
        case double(Double)
        case bool(Bool)
        case date(Date)
        case ints([Int64])
        case null
    }

    /// One row of a result, its columns read by position as the caller's SQL typed them.
    struct Row {
        fileprivate let values: [Data?]

        func isNull(_ i: Int) -> Bool { values[i] == nil }

        /// An `int2`, `int4` or `int8` column.
        func int(_ i: Int) -> Int64? {
            guard let v = values[i] else { return nil }
            let n = v.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            switch v.count {
            case 2: return Int64(Int16(truncatingIfNeeded: n))
            case 4: return Int64(Int32(truncatingIfNeeded: n))
            default: return Int64(bitPattern: n)
            }
        }

        func text(_ i: Int) -> String? { values[i].map { String(decoding: $0, as: UTF8.self) } }
        func bytes(_ i: Int) -> Data? { values[i] }
        func bool(_ i: Int) -> Bool? { values[i].map { $0.first == 1 } }

        func double(_ i: Int) -> Double? {
            values[i].map { v in Double(bitPattern: v.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        }

        /// A `timestamptz` column.
        func date(_ i: Int) -> Date? {
            int(i).map { Date(timeIntervalSince1970: PostgresConnection.epoch + Double($0) / 1_000_000) }
        }
    }

    /// 2000-01-01T00:00:00Z, PostgreSQL's zero for timestamps, in Unix seconds.
    fileprivate static let epoch: Double = 946_684_800

    let label: String
    private let connection: OpaquePointer

    /// Connects to `url` (`postgres://user@host:port/db`, or the `PG*` environment variables
    /// for what it leaves out).
    init(url: String) throws(ArchiveError) {
        label = Self.withoutPassword(url)
        guard let c = PQconnectdb(url) else { throw .cannotOpen(path: label, reason: "out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(c)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(c)
            throw .cannotOpen(path: label, reason: reason)
        }
        connection = c
        // Notices (such as "relation already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(c, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// The URL with any password replaced by `***`.
    static func withoutPassword(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// Runs statements that return nothing wanted; several may be given, separated by `;`,
    /// when there are no parameters.
    func execute(_ sql: String, _ parameters: [Value] = []) throws(ArchiveError) {
        if parameters.isEmpty {
            let result = PQexec(connection, sql)
            defer { PQclear(result) }
            try check(result, sql)
        } else {
            _ = try query(sql, parameters)
        }
    }

    /// Runs one statement and returns its rows.
    func query(_ sql: String, _ parameters: [Value] = []) throws(ArchiveError) -> [Row] {
        let encoded = parameters.map(Self.encode)
        let types = encoded.map(\.type)
        let formats = encoded.map(\.format)
        let lengths = encoded.map { Int32($0.bytes?.count ?? 0) }
        let result: OpaquePointer? = withPointers(to: encoded.map(\.bytes)) { pointers in
            PQexecParams(connection, sql, Int32(encoded.count), types, pointers, lengths, formats, 1)
        }
        defer { PQclear(result) }
        try check(result, sql)
        let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
        return (0..<rows).map { r in
            Row(values: (0..<Int(columns)).map { c in
                guard PQgetisnull(result, Int32(r), Int32(c)) == 0 else { return nil }
                let length = Int(PQgetlength(result, Int32(r), Int32(c)))
                return Data(bytes: PQgetvalue(result, Int32(r), Int32(c)), count: length)
            })
        }
    }

    /// Streams the rows of one query through a cursor, `batch` rows in memory at a time, in
    /// a read-only transaction of its own; an error `body` throws stops the walk.
    func forEachRow(_ sql: String, _ parameters: [Value] = [], batch: Int = 500, _ body: (Row) throws -> Void) throws {
        try transaction {
            try execute("SET TRANSACTION READ ONLY")
            try execute("DECLARE rows NO SCROLL CURSOR FOR " + sql, parameters)
            while true {
                let rows = try query("FETCH \(batch) FROM rows")
                for row in rows { try body(row) }
                if rows.count < batch { break }
            }
            try execute("CLOSE rows")
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func check(_ result: OpaquePointer?, _ sql: String) throws(ArchiveError) {
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK else { return }
        var reason = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines) }
        if let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))), String(cString: state) == "53100" {
            throw .full(path: label)
        }
        throw .database("\(label): \(reason) (in: \(sql.split(separator: "\n").first ?? ""))")
    }

    /// A parameter as libpq takes it: type OID, bytes (nil for NULL), format (1 binary, 0 text).
    private static func encode(_ value: Value) -> (type: Oid, bytes: Data?, format: Int32) {
        func bigEndian<T: FixedWidthInteger>(_ n: T) -> Data { withUnsafeBytes(of: n.bigEndian) { Data($0) } }
        switch value {
        case let .int(n): return (20, bigEndian(n), 1)
        case let .text(s): return (25, Data(s.utf8), 1)
        case let .bytes(d): return (17, d, 1)
        case let .double(x): return (701, bigEndian(x.bitPattern), 1)
        case let .bool(b): return (16, Data([b ? 1 : 0]), 1)
        case let .date(d): return (1184, bigEndian(Int64(((d.timeIntervalSince1970 - epoch) * 1_000_000).rounded())), 1)
        case let .ints(list): return (1016, Data(("{" + list.map(String.init).joined(separator: ",") + "}").utf8), 0)
        case .null: return (0, nil, 1)
        }
    }

    /// Calls `body` with C pointers to each of `buffers` (NULL for nil), valid during the call.
    private func withPointers<R>(to buffers: [Data?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        // Each buffer is copied once into memory that stays put for the call, with a NUL
        // after it: libpq reads a text-format value as a C string (binary ones by length).
        let copies: [UnsafeMutablePointer<CChar>?] = buffers.map { data in
            guard let data else { return nil }
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: data.count + 1)
            data.withUnsafeBytes { raw in
                if let base = raw.baseAddress { p.update(from: base.assumingMemoryBound(to: CChar.self), count: data.count) }
            }
            p[data.count] = 0
            return p
        }
        defer { copies.forEach { $0?.deallocate() } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
