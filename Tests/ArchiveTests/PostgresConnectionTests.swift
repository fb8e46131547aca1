@testable import Archive
import Foundation
import Testing
import TestSupport

/// libpq through `PostgresConnection`, against a throwaway server on loopback.
@Suite(.enabled(if: ThrowawayPostgres.unavailable == nil, "\(ThrowawayPostgres.unavailable ?? "")"))
struct PostgresConnectionTests {
    @Test func everyParameterTypeComesBackExact() throws {
        let db = try PostgresConnection(url: try ThrowawayPostgres.shared().createDatabase())
        try db.execute("CREATE TABLE t (i BIGINT, s TEXT, b BYTEA, d DOUBLE PRECISION, at TIMESTAMPTZ, n TEXT)")
        let when = Date(timeIntervalSince1970: 1_764_000_000.123456)
        let bytes = Data([0, 1, 2, 255, 0])
        try db.execute("INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6)",
                       [.int(-42), .text("Kıyı ' \"; DROP"), .bytes(bytes), .double(0.024), .date(when), .null])
        let row = try #require(try db.query("SELECT i, s, b, d, at, n, i::int4, TRUE FROM t").first)
        #expect(row.int(0) == -42 && row.text(1) == "Kıyı ' \"; DROP" && row.bytes(2) == bytes && row.double(3) == 0.024)
        #expect(abs(row.date(4)!.timeIntervalSince(when)) < 0.000_001 && row.isNull(5) && row.int(6) == -42 && row.bool(7) == true)
        let listed = try db.query("SELECT x FROM unnest($1::bigint[]) AS x ORDER BY x", [.ints([3, -1, Int64.max])])
        #expect(listed.map { $0.int(0) } == [-1, 3, Int64.max])
        let empty = try db.query("SELECT $1::bytea", [.bytes(Data())])
        #expect(empty.first?.bytes(0) == Data())
    }

    @Test func aFailedTransactionLeavesNothingAndErrorsSayWhere() throws {
        let db = try PostgresConnection(url: try ThrowawayPostgres.shared().createDatabase())
        try db.execute("CREATE TABLE t (i BIGINT PRIMARY KEY)")
        #expect(throws: ArchiveError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES ($1)", [.int(1)])
                try db.execute("INSERT INTO t VALUES ($1)", [.int(1)])
            }
        }
        #expect(try db.query("SELECT count(*) FROM t").first?.int(0) == 0)
        do {
            _ = try db.query("SELECT nonsense FROM t")
            Issue.record("a bad column was accepted")
        } catch {
            #expect("\(error)".contains("127.0.0.1") && "\(error)".contains("nonsense"), "\(error)")
        }
    }

    @Test func aServerThatIsNotThereIsNamedWithoutItsPassword() {
        do {
            _ = try PostgresConnection(url: "postgres://me:secret@127.0.0.1:9/none?connect_timeout=2")
            Issue.record("connected to nothing")
        } catch {
            #expect("\(error)".contains("postgres://me:***@127.0.0.1:9/none") && !"\(error)".contains("secret"), "\(error)")
        }
    }
}
