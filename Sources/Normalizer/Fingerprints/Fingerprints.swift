/// Everything the duplicate index keeps of one normalized text to find its near
/// duplicates (exact copies are found by `ContentHash`).
///
/// - `signature`: MinHash of the word-shingle set; `bandKeys` its LSH bands, as indexed.
/// - `passages`: the distinct winnowed fingerprints, as indexed, ascending, for
///   shared-passage search.
///
/// Index keys are 32 bits (`indexKey`): the duplicate index stores no more, so that it stays
/// small (a key that two texts share only by chance makes a candidate that the exact
/// comparison lets go, and a posting list a little longer).
public struct Fingerprints: Sendable, Equatable {
    public var signature: [UInt32]
    public var bandKeys: [UInt64]
    public var passages: [UInt64]

    /// Computes all fingerprints of an analyzed text with the given settings.
    public init(of analyzed: AnalyzedText, settings: DuplicateSettings) {
        // Repeated shingles cannot change a minimum, so the distinct set is not needed here.
        signature = MinHash.with(permutations: settings.minhashPermutations).signature(of: analyzed.shingles)
        bandKeys = MinHash.bandKeys(signature, bands: settings.lshBands).enumerated().map { Self.bandKey($0.offset, $0.element) }
        passages = Winnowing.hashes(analyzed.shingles, window: settings.winnowWindow).map(Self.indexKey)
        RadixSort.sort(&passages, lowBits: 0)
        passages.removeDuplicatesInSortedArray()
    }

    /// A hash as the duplicate index keeps it: its low 32 bits.
    @inline(__always)
    public static func indexKey(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF }

    /// A band's key as indexed: mixed with the band's number (so equal keys of two bands
    /// differ, as archives have stored them since `keys/1`), then cut to an index key.
    public static func bandKey(_ band: Int, _ key: UInt64) -> UInt64 {
        indexKey(key ^ (UInt64(band + 1) &* 0x9e37_79b9_7f4a_7c15))
    }
}
