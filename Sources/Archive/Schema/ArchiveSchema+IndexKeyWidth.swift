import Foundation
import GRDB

extension ArchiveSchema {
    /// v19: index keys cut to 32 bits (`keys/2`) and blocks stored compactly (`IndexBlock`).
    /// Every stored key is the full 64-bit key of `keys/1`, so its new key is its low half:
    /// each segment is rewritten in place, in order again, with a new filter, and the
    /// recorded scheme moves to `keys/2`. No key is computed again and no document is read.
    static func compactIndexBlocks(_ db: Database) throws {
        for segment in try Int64.fetchAll(db, sql: "SELECT id FROM index_segments ORDER BY id") {
            var entries: [[IndexEntry]] = IndexKind.allCases.map { _ in [] }
            for kind in IndexKind.allCases {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT first_key, first_document, entries FROM index_blocks WHERE segment = ? AND kind = ?
                    ORDER BY first_key, first_document
                    """, arguments: [segment, kind.rawValue])
                var cut: [IndexEntry] = []
                while let row = try rows.next() {
                    for entry in try blockEntries(row) {
                        cut.append(IndexEntry(key: entry.key & 0xFFFF_FFFF, document: entry.document))
                    }
                }
                // (Two keys of one document may now be one.)
                var kept: [IndexEntry] = []
                for entry in cut.sorted() where kept.last != entry { kept.append(entry) }
                entries[kind.rawValue] = kept
            }
            try db.execute(sql: "DELETE FROM index_blocks WHERE segment = ?", arguments: [segment])
            let total = entries.reduce(0) { $0 + $1.count }
            var writer = try IndexSegments.BlockWriter(segment: segment, expectedKeys: total, db)
            for kind in IndexKind.allCases {
                for entry in entries[kind.rawValue] { try writer.append(entry, kind) }
                try writer.finish(kind)
            }
            try writer.storeFilter(db)
            try db.execute(sql: "UPDATE index_segments SET entries = ? WHERE id = ?", arguments: [total, segment])
        }
        try db.execute(sql: "UPDATE index_scheme SET scheme = 'keys/2' || substr(scheme, 7) WHERE scheme LIKE 'keys/1 %'")
    }

    /// A block's entries, in either form: 12 bytes an entry (key, then document, little-endian)
    /// as archives before v19 stored them, or `IndexBlock`'s (which v12 writes when it runs in
    /// the same upgrade). The row's first key and document say which decoding is right.
    private static func blockEntries(_ row: Row) throws -> [IndexEntry] {
        let firstKey: Int64 = row[0], firstDocument: Int64 = row[1], blob: Data = row[2]
        func starts(_ entries: [IndexEntry]) -> Bool {
            IndexBlock.sortKey(entries[0].key) == firstKey && Int64(entries[0].document) == firstDocument
        }
        if let entries = IndexBlock.decode(blob), starts(entries) { return entries }
        if !blob.isEmpty, blob.count % 12 == 0 {
            let entries = blob.withUnsafeBytes { raw in
                (0..<raw.count / 12).map { i in
                    IndexEntry(key: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12, as: UInt64.self)),
                               document: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 12 + 8, as: UInt32.self)))
                }
            }
            if starts(entries) { return entries }
        }
        throw ArchiveError.corruptBlob("an index block is not a block of index entries")
    }
}
