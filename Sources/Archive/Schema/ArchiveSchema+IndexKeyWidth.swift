import GRDB

extension ArchiveSchema {
    /// v19: index keys cut to 32 bits (`keys/2`). Every stored key is the full 64-bit key of
    /// `keys/1`, so its new key is its low half: each segment is rewritten in place, in
    /// order again, with a new filter, and the recorded scheme moves to `keys/2`. No key is
    /// computed again and no document is read.
    static func cutIndexKeysTo32Bits(_ db: Database) throws {
        for segment in try Int64.fetchAll(db, sql: "SELECT id FROM index_segments ORDER BY id") {
            var entries: [[IndexEntry]] = IndexKind.allCases.map { _ in [] }
            for kind in IndexKind.allCases {
                var reader = try IndexSegments.BlockReader(segment: segment, kind: kind, db)
                while let entry = reader.head {
                    entries[kind.rawValue].append(IndexEntry(key: entry.key & 0xFFFF_FFFF, document: entry.document))
                    try reader.advance()
                }
                // (Two keys of one document may now be one.)
                var kept: [IndexEntry] = []
                for entry in entries[kind.rawValue].sorted() where kept.last != entry { kept.append(entry) }
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
}
