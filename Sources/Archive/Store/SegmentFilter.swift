import Foundation

/// What stands in front of an index segment (`IndexSegments`), so that most lookups of a key
/// the segment lacks never reach SQLite: a Bloom filter of all its keys, or binary fuse
/// filters (`FuseFilter`), each over one run of consecutive keys of one kind.
///
/// Why two: a fuse filter lets 1 in 256 absent keys through where the Bloom filter lets
/// 1 in 40, for the same 9 bits a key from a million keys up; below that it takes more bits
/// (9.8 at 50,000 keys of a kind, 10 at 10,000), and the duplicate index is meant to stay
/// within 1.5 bytes a word of text (`SegmentFilterBuilder.fuseMinimumKeys`).
///
/// Guarantees: `mayHold` is true for every key of the segment under its kind. Stored, a
/// Bloom filter is a whole number of 8-byte words; fuse filters are the bytes "FUS1", then
/// each filter's kind (a byte) and first key (8 bytes, little-endian) and the filter
/// (`FuseFilter.encode`), zero-padded to 4 bytes more than a multiple of 8, so the
/// length alone tells the two apart. `init(encoded:)` reads back exactly what `encoded`
/// wrote, and nil (never a crash) for bytes that are neither.
enum SegmentFilter {
    case bloom(BloomFilter)
    /// Per kind (by raw value), its runs' filters.
    case fuse([FuseRuns])

    /// The fuse filters of one kind: each over a run of consecutive keys, told by its first.
    struct FuseRuns {
        /// Ascending.
        var firstKeys: [UInt64] = []
        var filters: [FuseFilter] = []

        /// The filter of the last run whose first key is at most `key`.
        func filter(of key: UInt64) -> FuseFilter? {
            var low = 0, high = firstKeys.count
            while low < high {
                let middle = (low + high) / 2
                if firstKeys[middle] <= key { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? filters[low - 1] : nil
        }
    }

    private static let magic = Data("FUS1".utf8)

    init?(encoded data: Data) {
        if data.count % 8 == 0 {
            guard let bloom = BloomFilter(encoded: data) else { return nil }
            self = .bloom(bloom)
            return
        }
        guard data.count % 8 == 4, data.prefix(4) == Self.magic else { return nil }
        var kinds = IndexKind.allCases.map { _ in FuseRuns() }
        var at = 4
        let data = Data(data)  // indices from 0
        while at + 9 + FuseFilter.headerBytes <= data.count {
            guard let kind = IndexKind(rawValue: Int(data[at])) else { return nil }
            let first = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at + 1, as: UInt64.self)) }
            at += 9
            guard kinds[kind.rawValue].firstKeys.last.map({ $0 < first }) ?? true,
                  let filter = FuseFilter(reading: data, at: &at) else { return nil }
            kinds[kind.rawValue].firstKeys.append(first)
            kinds[kind.rawValue].filters.append(filter)
        }
        guard data[at...].allSatisfy({ $0 == 0 }) else { return nil }
        self = .fuse(kinds)
    }

    var encoded: Data {
        switch self {
        case let .bloom(filter):
            return filter.encoded
        case let .fuse(kinds):
            var data = Self.magic
            for (kind, runs) in kinds.enumerated() {
                for (first, filter) in zip(runs.firstKeys, runs.filters) {
                    data.append(UInt8(kind))
                    withUnsafeBytes(of: first.littleEndian) { data.append(contentsOf: $0) }
                    filter.encode(into: &data)
                }
            }
            data.append(contentsOf: [UInt8](repeating: 0, count: (12 - data.count % 8) % 8))
            return data
        }
    }

    func mayHold(_ kind: IndexKind, _ key: UInt64) -> Bool {
        switch self {
        case let .bloom(filter): filter.mayHold(key)
        case let .fuse(kinds): kinds[kind.rawValue].filter(of: key)?.mayHold(key) ?? false
        }
    }

    /// Starts loading the memory `mayHold(kind, key)` reads, without waiting for it: a
    /// lookup asks every segment's filter about a key, and each question is a cache miss
    /// or three, which asked one after another add up.
    func prefetch(_ kind: IndexKind, _ key: UInt64) {
        switch self {
        case let .bloom(filter): filter.prefetch(key)
        case let .fuse(kinds): kinds[kind.rawValue].filter(of: key)?.prefetch(key)
        }
    }
}
