import CTableProbe
import Foundation

/// A Bloom filter over index keys: five bits per key, all in one 64-bit word, so a question
/// costs one memory access.
///
/// Guarantees: `mayHold` is true for every key inserted; for others it is false but for
/// about 2.5 % of them when the filter holds the number of keys it was made for (9 bits a
/// key), more if it holds more. `encoded` and `init(encoded:)` round-trip it exactly. The
/// filter has exactly as many words as its keys need: the duplicate index is meant to stay
/// small, and rounding up to a power of two cost up to twice the bits.
struct BloomFilter {
    /// Bits set per key, all in one 64-bit word.
    private static let bitsPerKey = 5
    /// Keys per word: 9 bits a (distinct) key gives ~2.5 % false positives in 64-bit blocks, a
    /// useless block read for one lookup in 40 of a key the segment lacks. Most lookups are
    /// of such keys, so fewer bits cost import time, and more cost index size, which is
    /// meant to stay within 1.5 bytes a word of text.
    private static let keysPerWord = 64.0 / 9

    private(set) var words: [UInt64]

    /// A filter for about `expectedKeys` keys.
    init(expectedKeys: Int) {
        words = [UInt64](repeating: 0, count: max(Int((Double(expectedKeys) / Self.keysPerWord).rounded(.up)), 1))
    }

    /// About how many keys filters of `bytes` bytes in all were made for.
    static func keys(filling bytes: Int) -> Int { Int((Double(bytes / 8) * keysPerWord).rounded(.up)) }

    /// A filter as `encoded` wrote it; nil when the bytes cannot be one.
    init?(encoded data: Data) {
        let count = data.count / 8
        guard count > 0, data.count % 8 == 0 else { return nil }
        words = data.withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
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

    /// Starts loading the word `mayHold(key)` reads (`SegmentFilter.prefetch`).
    func prefetch(_ key: UInt64) {
        let (index, _) = slot(key)
        words.withUnsafeBufferPointer { ingestd_prefetch($0.baseAddress! + index) }
    }

    func mayHold(_ key: UInt64) -> Bool {
        let (index, mask) = slot(key)
        return words[index] & mask == mask
    }

    /// The key is spread over all 64 bits first (index keys have 32): the word is chosen
    /// by the product's top 32 bits scaled to the number of words, the five bits by its lowest 30.
    @inline(__always) private func slot(_ key: UInt64) -> (Int, UInt64) {
        let h = key &* 0x9e37_79b9_7f4a_7c15
        let index = Int(((h >> 32) &* UInt64(words.count)) >> 32)
        var mask: UInt64 = 0
        for i in 0..<Self.bitsPerKey { mask |= 1 << ((h >> UInt64(6 * i)) & 63) }
        return (index, mask)
    }
}
