import Foundation
import GRDB

extension IndexSegments {
    /// What is wrong with the stored segments, one line per damaged segment: a block that
    /// does not decode or does not start where its row says, entries out of order or outside
    /// the segment's documents, a count that differs from the segment's, a key its filter
    /// would deny. Empty when every lookup can be trusted.
    static func problems(_ db: Database) throws -> [String] {
        var out: [String] = []
        // The filters are read one segment at a time: together they are ~10 bits a key
        // (125 MB at 1M documents), and reading them in one go made `verify`'s peak memory grow
        // with the archive (578 MB at 1M).
        let segments = try Row.fetchAll(db, sql: """
            SELECT id, entries, first_document_id, last_document_id FROM index_segments ORDER BY first_document_id
            """)
        var previousLast: Int64?
        for row in segments {
            let id: Int64 = row[0], documents = (row[2] as Int64)...(row[3] as Int64)
            if let previousLast, documents.lowerBound <= previousLast {
                out.append("index segment \(id): its documents overlap another segment's")
            }
            previousLast = documents.upperBound
            let filter = try Data.fetchOne(db, sql: "SELECT filter FROM index_segments WHERE id = ?", arguments: [id]) ?? Data()
            if let problem = try problem(id, entries: row[1], documents: documents, filter: filter, db) {
                out.append("index segment \(id): " + problem)
            }
        }
        return out
    }

    private static func problem(_ id: Int64, entries expected: Int, documents: ClosedRange<Int64>, filter data: Data,
                                _ db: Database) throws -> String? {
        guard let filter = SegmentFilter(encoded: data) else { return "its filter is not a segment filter" }
        var count = 0
        for kind in IndexKind.allCases {
            var previous: IndexEntry?
            let blocks = try Row.fetchCursor(db, sql: """
                SELECT first_key, first_document, entries FROM index_blocks WHERE segment = ? AND kind = ?
                ORDER BY first_key, first_document
                """, arguments: [id, kind.rawValue])
            while let block = try blocks.next() {
                guard let entries = IndexBlock.decode(block[2]) else { return "a block is not a block of index entries" }
                guard IndexBlock.sortKey(entries[0].key) == block[0], Int64(entries[0].document) == block[1] else {
                    return "a block does not start with the entry its row names"
                }
                for entry in entries {
                    if let previous, !(previous < entry) { return "entries out of order" }
                    if !documents.contains(Int64(entry.document)) { return "an entry of document \(entry.document), outside its documents" }
                    if !filter.mayHold(kind, entry.key) { return "its filter denies a key it holds" }
                    previous = entry
                }
                count += entries.count
            }
        }
        return count == expected ? nil : "holds \(count) entries, its row says \(expected)"
    }
}
