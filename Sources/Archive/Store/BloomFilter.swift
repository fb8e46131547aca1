import Foundation

/// A Bloom filter over 64-bit keys that are uniform hashes already: five bits per key, all
/// in one 64-bit word, so a question costs one memory access.
///
/// Guarantees: `mayHold` is true for every key inserted; for others it is false but for
/// about 2 % of them when the filter holds the number of keys it was made for (10 bits a
/// key), more if it holds more. `encoded` and `init(encoded:)` round-trip it exactly.
struct BloomFilter {
    /// Bits set per key, all in one 64-bit word.
    private static let bitsPerKey = 5
    /// Keys per word: 10 bits a key gives ~2 % false positives in 64-bit blocks.
    private static let keysPerWord = 6.4

    private(set) var words: [UInt64]
    private let shift: UInt64

    /// A filter for about `expectedKeys` keys, at least `minimumWords` words, rounded up to a
    /// power of two.
    init(expectedKeys: Int, minimumWords: Int = 1) {
        let words = max(minimumWords, Int(Double(expectedKeys) / Self.keysPerWord), 1)
        let bits = Int.bitWidth - (words - 1).leadingZeroBitCount
        self.words = [UInt64](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// A filter as `encoded` wrote it; nil when the bytes cannot be one.
    init?(encoded data: Data) {
        let count = data.count / 8
        guard count > 0, count & (count - 1) == 0, data.count % 8 == 0 else { return nil }
        words = data.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        shift = UInt64(64 - count.trailingZeroBitCount)
    }

    /// The words, little-endian.
    var encoded: Data {
        var data = Data(count: words.count * 8)
        data.withUnsafeMutableBytes { raw in
            for (i, word) in words.enumerated() { raw.storeBytes(of: word.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
        }
        return data
    }

    mutating func insert(_ key: UInt64) {
        let (index, mask) = slot(key)
        words[index] |= mask
    }

    func mayHold(_ key: UInt64) -> Bool {
        let (index, mask) = slot(key)
        return words[index] & mask == mask
    }

    /// The word is chosen by the key's top bits as they are, the five bits by its lowest 30:
    /// keys inserted in ascending order walk the words in order instead of missing the cache
    /// on every key.
    @inline(__always) private func slot(_ key: UInt64) -> (Int, UInt64) {
        // A one-word filter: a shift by 64 would be undefined, and every key is in word 0.
        let index = shift == 64 ? 0 : Int(key >> shift)
        var mask: UInt64 = 0
        for i in 0..<Self.bitsPerKey { mask |= 1 << ((key >> UInt64(6 * i)) & 63) }
        return (index, mask)
    }
}
