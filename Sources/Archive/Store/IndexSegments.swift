import Foundation
import GRDB

/// The duplicate indexes (LSH band keys and passage postings) as a log-structured merge
/// tree inside SQLite: a transaction's new keys wait in `PendingIndexKeys`, then are stored
/// at once as a segment, sorted and packed up to 384 entries to a row of `index_blocks`
/// (`IndexBlock`: about 3.3 bytes an entry).
///
/// Why: with one row per key in one B-tree per index, each new document's ~100 keys
/// landed on random pages of trees holding every archived document's keys, and each commit
/// wrote every page its batch had touched to the WAL, a cost that grew with the archive. A
/// segment is written page after page, a couple of thousand entries to an 8 KiB page.
///
/// Guarantees:
/// - segments hold disjoint ranges of document ids; read by their first document they give
///   a key's documents oldest first, so "the earliest `n` documents of a key" can stop early;
/// - a segment is never changed, only merged: when `fanout` segments share a level they
///   become one a level up, so there are fewer than `fanout` per level, O(log n) in all,
///   and each entry is rewritten O(log n) times; a merge changes no lookup's answer;
/// - the blocks of a segment and kind, in `first_key` order, hold its entries in order;
/// - a segment's filter holds each of its keys, so most lookups of a key a segment
///   lacks never reach SQLite (`SegmentFilters`).
enum IndexSegments {
    /// Pending entries stored as a segment before the transaction ends, about 2,600
    /// documents' worth: this bounds the memory a long transaction (a rebuild) holds.
    static let pendingLimit = 262_144
    /// Segments of one level merged together.
    static let fanout = 4

    /// A stored segment as lookups need it.
    struct Stored {
        var id: Int64
        var firstDocument: Int64
        var filter: SegmentFilter
    }

    /// Every stored segment, in the order of their documents, with its filter.
    static func stored(_ db: Database) throws -> [Stored] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, nonce, first_document_id FROM index_segments ORDER BY first_document_id
            """))
        let filters = try SegmentFilters.filters(of: rows.map { (id: $0[0], nonce: $0[1]) }, db)
        return zip(rows, filters).map { Stored(id: $0[0], firstDocument: $0[2], filter: $1) }
    }

    /// Stores `pending`'s keys as a new segment, if it has any, then merges the levels that
    /// filled up, unless `merging` is false: a transaction's last segment is merged after its
    /// commit (`ArchiveStore.write`), so its documents never wait on a merge to be durable.
    static func flush(_ pending: PendingIndexKeys, merging: Bool = true, _ db: Database) throws {
        guard let (entries, documents) = pending.take() else { return }
        let total = entries.reduce(0) { $0 + $1.count }
        try db.cachedStatement(sql: """
            INSERT INTO index_segments (level, entries, first_document_id, last_document_id, nonce, filter) VALUES (0, ?, ?, ?, 0, x'')
            """).execute(arguments: [total, documents.lowerBound, documents.upperBound])
        // The filter is sized by distinct keys, not entries: copies of a story share theirs.
        let distinct = entries.reduce(0) { sum, sorted in sum + zip(sorted, sorted.dropFirst()).count { $0.key != $1.key } + (sorted.isEmpty ? 0 : 1) }
        var writer = try BlockWriter(segment: db.lastInsertedRowID, expectedKeys: distinct, db)
        for kind in IndexKind.allCases {
            for entry in entries[kind.rawValue] { try writer.append(entry, kind) }
            try writer.finish(kind)
        }
        try writer.storeFilter(db)
        if merging { try mergeFullLevels(db) }
    }

    /// Merges the segments of every level that has `fanout` of them into one a level up,
    /// from the bottom, so a merge that fills the next level is followed by that level's.
    /// Returns whether it merged any.
    @discardableResult
    static func mergeFullLevels(_ db: Database) throws -> Bool {
        var level = 0, merged = false
        while true {
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM index_segments WHERE level = ?", arguments: [level]) ?? 0
            guard count > 0 else { return merged }
            if count >= fanout {
                try merge(level: level, db)
                merged = true
            }
            level += 1
        }
    }

    /// Every segment of `level` merged into a new one of `level` + 1, streaming: one block
    /// of each input is held at a time.
    private static func merge(level: Int, _ db: Database) throws {
        let inputs = try Int64.fetchAll(db, sql: "SELECT id FROM index_segments WHERE level = ? ORDER BY first_document_id",
                                        arguments: [level])
        try db.execute(sql: """
            INSERT INTO index_segments (level, entries, first_document_id, last_document_id, nonce, filter)
            SELECT ?, SUM(entries), MIN(first_document_id), MAX(last_document_id), 0, x'' FROM index_segments WHERE level = ?
            """, arguments: [level + 1, level])
        let merged = db.lastInsertedRowID
        // The inputs' distinct keys, read off their filters' sizes, bound the merged segment's:
        // a key in two inputs counts twice, so the filter is never smaller than it should be.
        let (total, filterBytes) = try Row.fetchOne(db, sql: """
            SELECT (SELECT entries FROM index_segments WHERE id = ?), SUM(length(filter)) FROM index_segments WHERE level = ?
            """, arguments: [merged, level]).map { (($0[0] as Int?) ?? 0, ($0[1] as Int?) ?? 0) } ?? (0, 0)
        var writer = try BlockWriter(segment: merged, expectedKeys: min(total, BloomFilter.keys(filling: filterBytes)), db)
        for kind in IndexKind.allCases {
            var runs = try inputs.map { try BlockReader(segment: $0, kind: kind, db) }
            while true {
                var smallest: Int?
                for (i, run) in runs.enumerated() {
                    if let head = run.head, smallest.map({ head < runs[$0].head! }) ?? true { smallest = i }
                }
                guard let i = smallest else { break }
                try writer.append(runs[i].head!, kind)
                try runs[i].advance()
            }
            try writer.finish(kind)
        }
        try writer.storeFilter(db)
        let list = inputs.map(String.init).joined(separator: ",")
        try db.execute(sql: """
            DELETE FROM index_blocks WHERE segment IN (\(list));
            DELETE FROM index_segments WHERE id IN (\(list));
            """)
    }

    /// Packs a segment's entries, in order, into blocks, and makes the segment's filter.
    struct BlockWriter {
        let segment: Int64
        let insert: Statement
        var block: [IndexEntry] = []
        var filter: SegmentFilterBuilder

        init(segment: Int64, expectedKeys: Int, _ db: Database) throws {
            self.segment = segment
            filter = SegmentFilterBuilder(expectedKeys: expectedKeys)
            insert = try db.cachedStatement(sql: """
                INSERT INTO index_blocks (segment, kind, first_key, first_document, entries) VALUES (?, ?, ?, ?, ?)
                """)
            block.reserveCapacity(IndexBlock.capacity)
        }

        mutating func append(_ entry: IndexEntry, _ kind: IndexKind) throws {
            filter.insert(entry.key, kind)
            block.append(entry)
            if block.count == IndexBlock.capacity { try finish(kind) }
        }

        /// Writes the entries not yet written as one block.
        mutating func finish(_ kind: IndexKind) throws {
            guard let head = block.first else { return }
            try insert.execute(arguments: [segment, kind.rawValue, IndexBlock.sortKey(head.key), Int64(head.document),
                                           IndexBlock.encode(block[...])])
            block.removeAll(keepingCapacity: true)
        }

        /// Stores the filter of every key appended, with a new nonce: the filter's identity
        /// in `SegmentFilters`, since a segment id may come back after a rollback.
        mutating func storeFilter(_ db: Database) throws {
            try db.cachedStatement(sql: "UPDATE index_segments SET filter = ?, nonce = ? WHERE id = ?")
                .execute(arguments: [filter.finish().encoded, Int64.random(in: .min ... .max), segment])
        }
    }

    /// A segment's entries of one kind, in order, one block read at a time.
    struct BlockReader {
        let cursor: RowCursor
        var entries: [IndexEntry] = []
        var position = 0

        init(segment: Int64, kind: IndexKind, _ db: Database) throws {
            cursor = try Row.fetchCursor(db, sql: """
                SELECT entries FROM index_blocks WHERE segment = ? AND kind = ? ORDER BY first_key, first_document
                """, arguments: [segment, kind.rawValue])
            try advance()
        }

        var head: IndexEntry? { position < entries.count ? entries[position] : nil }

        mutating func advance() throws {
            position += 1
            guard position >= entries.count else { return }
            guard let row = try cursor.next() else {
                entries = []
                return
            }
            guard let decoded = IndexBlock.decode(row[0]) else {
                throw ArchiveError.corruptBlob("an index block is not a block of index entries")
            }
            entries = decoded
            position = 0
        }
    }
}
