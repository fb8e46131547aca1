import Foundation
import GRDB
import GRDBSQLite

/// Lookups of the duplicate indexes as one transaction sees them: the stored segments,
/// oldest documents first (`IndexSegments`), then the transaction's pending keys, then,
/// when the store holds its written keys (`HeldIndexKeys`), those: documents from the first
/// held on are read there and not from the segments or the pending keys.
///
/// Guarantees: `forEachDocument` gives every document under a key from `from` on and below
/// `before` (when set) exactly once, in ascending id order, and reads no further than its
/// caller wants. Segments wholly before `from` are not read.
/// A lookup costs one indexed read per segment whose filter may hold the key, O(log n) of
/// them at worst and usually none or one; a key whose documents fill more than a block (a
/// stock phrase) costs two more reads and one per block read.
struct IndexLookup {
    private let db: Database
    private let segments: [IndexSegments.Stored]
    private let pending: PendingIndexKeys?
    private let bound: Int64
    /// Where the segments and pending keys stop: the first held document, else `bound`.
    private let storedBound: Int64
    private let held: HeldIndexKeys?
    private let from: Int64
    /// The block where a key's run would start, in one segment. Fetched once per lookup
    /// object, not per key: finding a cached statement hashes its SQL, which is too dear to
    /// repeat for each of a document's keys.
    private let last: BlockQuery

    /// `pending`, when given, is the write transaction's: it also keeps the list of stored
    /// segments from one lookup to the next (two per document).
    init(_ db: Database, from: Int64 = 1, before: Int64?, pending: PendingIndexKeys?) throws {
        self.db = db
        last = try BlockQuery(db, """
            SELECT first_key, entries FROM index_blocks WHERE segment = ? AND kind = ? AND first_key <= ?
            ORDER BY first_key DESC, first_document DESC LIMIT 1
            """)
        let bound = before ?? Int64.max
        self.bound = bound
        held = pending?.held?.firstDocument == nil ? nil : pending?.held
        let storedBound = min(bound, held?.firstDocument ?? .max)
        self.storedBound = storedBound
        let stored = try pending?.storedSegments ?? IndexSegments.stored(db)
        pending?.storedSegments = stored
        // Segments are in document order, each ending before the next one's first document.
        segments = stored.indices.filter { i in
            stored[i].firstDocument < storedBound && (i + 1 == stored.count || stored[i + 1].firstDocument > from)
        }.map { stored[$0] }
        self.from = from
        self.pending = pending
    }

    /// Starts loading the memory that looking up `keys` will read: the segments' filters
    /// (each question a cache miss or three) and the held keys' buckets, for all of the
    /// keys at once, so that their latencies overlap.
    func prefetch(_ kind: IndexKind, _ keys: [UInt64]) {
        for key in keys {
            for segment in segments { segment.filter.prefetch(kind, key) }
        }
        held?.prefetch(kind, keys)
    }

    /// Calls `body` with each document under `key`, oldest first, while it returns true.
    func forEachDocument(_ kind: IndexKind, _ key: UInt64, _ body: (Int64) throws -> Bool) throws {
        // `stopped` once `body` said so or the documents reached the stored ones' bound.
        var stopped = false, stoppedByBody = false
        func visit(_ document: Int64) throws -> Bool {
            guard document < storedBound else {
                stopped = true
                return false
            }
            if document < from { return true }
            if try !body(document) { stopped = true; stoppedByBody = true }
            return !stopped
        }
        let sortKey = IndexBlock.sortKey(key)
        for segment in segments where segment.filter.mayHold(kind, key) {
            let segment = segment.id
            let startsRun = try last.first(segment, kind, sortKey) { firstKey, block -> Bool in
                if firstKey == sortKey { return true }
                // Keys are in order and the next block starts after `key`: all of its documents are here.
                _ = try IndexBlock.forEachDocument(of: key, in: block, visit)
                return false
            }
            if startsRun == true { try run(segment, kind, sortKey, key, visit) }
            if stopped { break }
        }
        if !stopped { _ = try pending?.forEachDocument(kind, key, from: from, below: storedBound) { try visit($0) } }
        if !stoppedByBody, let held { try held.forEachDocument(kind, key, from: from, below: bound, body) }
    }

    /// A key that starts one or more blocks: its documents may begin in the block before them.
    private func run(_ segment: Int64, _ kind: IndexKind, _ sortKey: Int64, _ key: UInt64,
                     _ visit: (Int64) throws -> Bool) throws {
        let before = try BlockQuery(db, """
            SELECT first_key, entries FROM index_blocks WHERE segment = ? AND kind = ? AND first_key < ?
            ORDER BY first_key DESC, first_document DESC LIMIT 1
            """)
        let wentOn = try before.first(segment, kind, sortKey) { _, block in try IndexBlock.forEachDocument(of: key, in: block, visit) }
        guard wentOn ?? true else { return }
        let blocks = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT first_key, entries FROM index_blocks WHERE segment = ? AND kind = ? AND first_key = ? ORDER BY first_document
            """), arguments: [segment, kind.rawValue, sortKey])
        while let row = try blocks.next() {
            guard try Self.scan(row, key, visit) else { return }
        }
    }

    /// The documents under `key` in the block of `row`; false when `visit` stopped.
    private static func scan(_ row: Row, _ key: UInt64, _ visit: (Int64) throws -> Bool) throws -> Bool {
        try row.withUnsafeData(atIndex: 1) { data in
            guard let data else { throw ArchiveError.corruptBlob("an index block is empty") }
            return try data.withUnsafeBytes { try IndexBlock.forEachDocument(of: key, in: $0, visit) }
        }
    }

    /// A cached statement run through SQLite's C API: GRDB copies each row it returns (a
    /// block is ~1.5 KB) and boxes its arguments, which made these lookups a fifth of an
    /// import's time.
    private struct BlockQuery {
        let db: Database
        let statement: SQLiteStatement

        init(_ db: Database, _ sql: String) throws {
            self.db = db
            statement = try db.cachedStatement(sql: sql).sqliteStatement
        }

        /// `body` with the first row's key and block, or nil when there is none.
        func first<T>(_ segment: Int64, _ kind: IndexKind, _ sortKey: Int64,
                      _ body: (Int64, UnsafeRawBufferPointer) throws -> T) throws -> T? {
            defer { sqlite3_reset(statement) }
            sqlite3_bind_int64(statement, 1, segment)
            sqlite3_bind_int64(statement, 2, Int64(kind.rawValue))
            sqlite3_bind_int64(statement, 3, sortKey)
            switch sqlite3_step(statement) {
            case SQLITE_DONE:
                return nil
            case SQLITE_ROW:
                let bytes = Int(sqlite3_column_bytes(statement, 1))
                guard let blob = sqlite3_column_blob(statement, 1) else {
                    throw ArchiveError.corruptBlob("an index block is empty")
                }
                return try body(sqlite3_column_int64(statement, 0), UnsafeRawBufferPointer(start: blob, count: bytes))
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }
}
