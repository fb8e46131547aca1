/// Builds a segment's filter (`SegmentFilter`) from its entries as they are written: a
/// Bloom filter when the segment is expected to hold fewer than `fuseMinimumKeys` distinct
/// keys, fuse filters otherwise.
///
/// Guarantees: the filter holds every key inserted. Keys must come kind by kind, in
/// ascending order within a kind (repeats allowed), as a segment's blocks are written. A
/// fuse filter is built over each run of `runKeys` to twice as many distinct keys of a kind
/// (all of them when fewer), so at most twice `runKeys` keys are held at once, however
/// large the segment; a run that small already gets the fuse filter's least bits a key.
struct SegmentFilterBuilder {
    /// Expected distinct keys from which a segment gets fuse filters: a first-level segment
    /// (`IndexSegments.pendingLimit` entries) has that many, and its filters take a tenth
    /// more bits a key than a Bloom filter at most (9.8 at 50,000 keys of a kind, 9.0 from a
    /// million), for a sixth of the block reads.
    static let fuseMinimumKeys = 1 << 16
    static let runKeys = 1 << 20

    private var bloom: BloomFilter?
    private var runs = IndexKind.allCases.map { _ in SegmentFilter.FuseRuns() }
    private var pending: [UInt64] = []
    private var pendingKind = IndexKind.allCases[0]

    init(expectedKeys: Int) {
        if expectedKeys < Self.fuseMinimumKeys { bloom = BloomFilter(expectedKeys: expectedKeys) }
    }

    mutating func insert(_ key: UInt64, _ kind: IndexKind) {
        if bloom != nil {
            bloom!.insert(key)
            return
        }
        if kind != pendingKind {
            buildRun(of: pending.count)
            pendingKind = kind
        }
        guard pending.last != key else { return }
        pending.append(key)
        if pending.count == 2 * Self.runKeys { buildRun(of: Self.runKeys) }
    }

    /// The filter of every key inserted.
    mutating func finish() -> SegmentFilter {
        if let bloom { return .bloom(bloom) }
        buildRun(of: pending.count)
        return .fuse(runs)
    }

    /// A fuse filter over the first `count` pending keys, which are then dropped.
    private mutating func buildRun(of count: Int) {
        guard count > 0 else { return }
        runs[pendingKind.rawValue].firstKeys.append(pending[0])
        runs[pendingKind.rawValue].filters.append(FuseFilter(keys: Array(pending[..<count])))
        pending.removeFirst(count)
    }
}
