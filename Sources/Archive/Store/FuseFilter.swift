import CTableProbe
import Foundation

/// A binary fuse filter (Graf and Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor
/// Filters", 2022) over a set of index keys known whole when it is built: an 8-bit
/// fingerprint of each key is the xor of three bytes of one array, at about 9 bits a key
/// from a million keys up (9.4 at 100,000).
///
/// Why: a segment's filter that lets an absent key through costs a block read from SQLite.
/// A Bloom filter of 9 bits a key lets 1 in 40 through; this one 1 in 256, for the same
/// bits, as a segment never changes once written.
///
/// Guarantees: `mayHold` is true for every key it was built from; for another key it is
/// true with probability about 1/256. A filter whose construction failed (a hundred seeds
/// tried, which does not happen in practice) holds no fingerprints and answers true for
/// every key. `encode(into:)` and `init(reading:at:)` round-trip it exactly.
struct FuseFilter {
    private(set) var seed: UInt64
    /// The array is `segmentCount` + 2 segments of 2^`segmentLengthLog2` bytes each.
    let segmentLengthLog2: Int
    let segmentCount: Int
    /// The fingerprints; read back, a slice of the stored bytes (a segment's filters are
    /// tens of megabytes at a million documents, read by every process that looks up keys).
    private(set) var fingerprints: Data

    private var segmentLength: UInt64 { 1 << UInt64(segmentLengthLog2) }
    private var segmentLengthMask: UInt64 { segmentLength - 1 }
    private var segmentCountLength: UInt64 { UInt64(segmentCount) << UInt64(segmentLengthLog2) }

    /// Bytes of the header that `encode` writes before the fingerprints.
    static let headerBytes = 13
    /// Seeds tried before the filter gives up and holds every key.
    private static let maximumAttempts = 100

    /// A filter of `keys`, which must be distinct (two or more; one is doubled with a key
    /// of its own, which then passes too).
    init(keys given: [UInt64]) {
        var keys = given
        if keys.count == 1 { keys.append(keys[0] ^ 1) }
        if keys.isEmpty { keys = [0, 1] }
        let n = Double(keys.count)
        // The sizes of the reference implementation (arity 3): segments of 2^⌊ln n / ln 3.33 + 2.25⌋
        // bytes, at most 2^18, and 1.125 n bytes in all, more below a million keys.
        segmentLengthLog2 = min(Int((log(n) / log(3.33) + 2.25).rounded(.down)), 18)
        let length = 1 << segmentLengthLog2
        let capacity = Int((n * max(1.125, 0.875 + 0.25 * log(1_000_000.0) / log(n))).rounded())
        segmentCount = max((capacity + length - 1) / length - 2, 1)
        seed = 0
        fingerprints = Data()
        for attempt in 0..<UInt64(Self.maximumAttempts) {
            // Seeds the same on every machine, spread by the filter's own mixing.
            seed = Self.mix(0x726b_2b9d_438b_9d4d &+ attempt)
            if let built = build(keys) {
                fingerprints = Data(built)
                return
            }
        }
        fingerprints = Data()
    }

    /// A filter as `encode` wrote it at `offset` of `data` (whose indices start at 0), which
    /// moves past it; nil when the bytes cannot be one.
    init?(reading data: Data, at offset: inout Int) {
        guard offset + Self.headerBytes <= data.count else { return nil }
        let at = offset
        (seed, segmentLengthLog2, segmentCount) = data.withUnsafeBytes { raw in
            (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)), Int(raw[at + 8]),
             Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 9, as: UInt32.self))))
        }
        guard segmentLengthLog2 <= 18 else { return nil }
        let count = segmentCount == 0 ? 0 : (segmentCount + 2) << segmentLengthLog2
        let start = offset + Self.headerBytes
        guard start + count <= data.count else { return nil }
        fingerprints = data[start ..< start + count]
        offset = start + count
    }

    /// Appends the seed and sizes (little-endian), then the fingerprints.
    func encode(into data: inout Data) {
        withUnsafeBytes(of: seed.littleEndian) { data.append(contentsOf: $0) }
        data.append(UInt8(segmentLengthLog2))
        withUnsafeBytes(of: UInt32(fingerprints.isEmpty ? 0 : segmentCount).littleEndian) { data.append(contentsOf: $0) }
        data.append(fingerprints)
    }

    /// Starts loading the three bytes `mayHold(key)` reads (`SegmentFilter.prefetch`).
    func prefetch(_ key: UInt64) {
        guard !fingerprints.isEmpty else { return }
        let (h0, h1, h2) = positions(Self.mix(key &+ seed))
        fingerprints.withUnsafeBytes { f in
            ingestd_prefetch(f.baseAddress! + h0)
            ingestd_prefetch(f.baseAddress! + h1)
            ingestd_prefetch(f.baseAddress! + h2)
        }
    }

    func mayHold(_ key: UInt64) -> Bool {
        guard !fingerprints.isEmpty else { return true }
        let hash = Self.mix(key &+ seed)
        let (h0, h1, h2) = positions(hash)
        return fingerprints.withUnsafeBytes { (f: UnsafeRawBufferPointer) -> Bool in
            Self.fingerprint(hash) ^ f[h0] ^ f[h1] ^ f[h2] == 0
        }
    }

    // MARK: construction

    /// The fingerprints for this seed by peeling: a slot that one key alone maps to takes
    /// that key, which is removed from its other two slots, until every key is placed; then
    /// the keys are assigned in reverse. Nil when the peeling stalls (try another seed).
    private func build(_ keys: [UInt64]) -> [UInt8]? {
        let size = (segmentCount + 2) << segmentLengthLog2
        // Per slot: 4 × the keys mapped to it, xor the positions (0-2) they have it at; and the xor of their hashes.
        var counts = [UInt8](repeating: 0, count: size)
        var hashes = [UInt64](repeating: 0, count: size)
        for key in keys {
            let hash = Self.mix(key &+ seed)
            let (h0, h1, h2) = positions(hash)
            counts[h0] &+= 4
            hashes[h0] ^= hash
            counts[h1] &+= 4
            counts[h1] ^= 1
            hashes[h1] ^= hash
            counts[h2] &+= 4
            counts[h2] ^= 2
            hashes[h2] ^= hash
            // 64 keys in one slot overflow its count: another seed.
            if counts[h0] < 4 || counts[h1] < 4 || counts[h2] < 4 { return nil }
        }
        var alone = (0..<size).filter { counts[$0] >> 2 == 1 }
        var order: [UInt64] = [], found: [UInt8] = []
        order.reserveCapacity(keys.count)
        found.reserveCapacity(keys.count)
        while let slot = alone.popLast() {
            guard counts[slot] >> 2 == 1 else { continue }
            let hash = hashes[slot], position = counts[slot] & 3
            order.append(hash)
            found.append(position)
            let slots = positions(hash)
            for step in 1...2 {
                let other = (Int(position) + step) % 3
                let index = Self.slot(other, of: slots)
                if counts[index] >> 2 == 2 { alone.append(index) }
                counts[index] &-= 4
                counts[index] ^= UInt8(other)
                hashes[index] ^= hash
            }
        }
        guard order.count == keys.count else { return nil }
        var out = [UInt8](repeating: 0, count: size)
        for i in order.indices.reversed() {
            let hash = order[i]
            let slots = positions(hash), position = Int(found[i])
            out[Self.slot(position, of: slots)] = Self.fingerprint(hash) ^ out[Self.slot((position + 1) % 3, of: slots)]
                ^ out[Self.slot((position + 2) % 3, of: slots)]
        }
        return out
    }

    /// The three slots of a hash: one in each of three consecutive segments, the first
    /// segment chosen by the hash's high bits.
    @inline(__always) private func positions(_ hash: UInt64) -> (Int, Int, Int) {
        let h0 = hash.multipliedFullWidth(by: segmentCountLength).high
        let h1 = (h0 + segmentLength) ^ ((hash >> 18) & segmentLengthMask)
        let h2 = (h0 + 2 * segmentLength) ^ (hash & segmentLengthMask)
        return (Int(h0), Int(h1), Int(h2))
    }

    @inline(__always) private static func slot(_ i: Int, of slots: (Int, Int, Int)) -> Int {
        i == 0 ? slots.0 : i == 1 ? slots.1 : slots.2
    }

    @inline(__always) private static func fingerprint(_ hash: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: hash ^ (hash >> 32)) }

    /// MurmurHash3's 64-bit finalizer: a bijection, so distinct keys have distinct hashes.
    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
