import Foundation
import GRDB

/// The filters of index segments (`SegmentFilter`), read once per process: a segment and its filter
/// never change until the segment is merged away, and a lookup asks every segment.
///
/// Guarantees: a filter is found by its segment's nonce, a random 64-bit number written
/// with it, not by the segment id, which a rolled-back transaction can hand out again with
/// other keys; so a cached filter is always the one of the segment asked about. Filters of
/// segments no longer asked about are dropped once they outnumber the live ones.
enum SegmentFilters {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [Int64: SegmentFilter] = [:]

    /// The filters of `segments` (ids and nonces), in their order.
    static func filters(of segments: [(id: Int64, nonce: Int64)], _ db: Database) throws -> [SegmentFilter] {
        var loaded = false
        var out: [SegmentFilter?] = lock.withLock { segments.map { cache[$0.nonce] } }
        for (i, segment) in segments.enumerated() where out[i] == nil {
            let data = try Data.fetchOne(db.cachedStatement(sql: "SELECT filter FROM index_segments WHERE id = ?"),
                                         arguments: [segment.id]) ?? Data()
            guard let filter = SegmentFilter(encoded: data) else {
                throw ArchiveError.corruptBlob("index segment \(segment.id): its filter is not a segment filter")
            }
            out[i] = filter
            loaded = true
        }
        if loaded {
            lock.withLock {
                for (i, segment) in segments.enumerated() { cache[segment.nonce] = out[i] }
                if cache.count > 2 * segments.count + 64 {
                    let live = Set(segments.map(\.nonce))
                    cache = cache.filter { live.contains($0.key) }
                }
            }
        }
        return out.map { $0! }
    }
}
