import Foundation
import GRDB

extension ArchiveSchema {
    /// Gives every segment large enough for them fuse filters in place of its Bloom filter
    /// (`SegmentFilter`), reading its blocks once, kind by kind: a lookup of a key the
    /// segment lacks then reaches SQLite 1 time in 256 rather than 1 in 40. The new nonce
    /// keeps a process's cached Bloom filter from answering for the segment.
    static func useFuseFilters(_ db: Database) throws {
        let segments = try Row.fetchAll(db, sql: "SELECT id, length(filter) FROM index_segments ORDER BY id")
        for row in segments {
            let id: Int64 = row[0], bytes: Int = row[1]
            let keys = BloomFilter.keys(filling: bytes)
            guard bytes % 8 == 0, keys >= SegmentFilterBuilder.fuseMinimumKeys else { continue }
            var builder = SegmentFilterBuilder(expectedKeys: keys)
            for kind in IndexKind.allCases {
                var reader = try IndexSegments.BlockReader(segment: id, kind: kind, db)
                while let entry = reader.head {
                    builder.insert(entry.key, kind)
                    try reader.advance()
                }
            }
            try db.execute(sql: "UPDATE index_segments SET filter = ?, nonce = ? WHERE id = ?",
                           arguments: [builder.finish().encoded, Int64.random(in: .min ... .max), id])
        }
    }
}
