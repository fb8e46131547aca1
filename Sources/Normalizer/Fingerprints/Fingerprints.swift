import Crypto

/// Everything the archive indexes about one normalized text to find its duplicates.
///
/// - `contentHash`: lowercase hex SHA-256 of the UTF-8 text; equal hashes mean exact copies.
/// - `signature`: MinHash of the word-shingle set; `bandKeys` its LSH bands.
/// - `passages`: the distinct winnowed fingerprint hashes, ascending, for shared-passage search.
public struct Fingerprints: Sendable, Equatable {
    public var contentHash: String
    public var signature: [UInt32]
    public var bandKeys: [UInt64]
    public var passages: [UInt64]

    /// Computes all fingerprints of an analyzed text with the given settings.
    public init(of analyzed: AnalyzedText, settings: DuplicateSettings) {
        contentHash = Self.sha256Hex(analyzed.text)
        // Repeated shingles cannot change a minimum, so the distinct set is not needed here.
        signature = MinHash.with(permutations: settings.minhashPermutations).signature(of: analyzed.shingles)
        bandKeys = MinHash.bandKeys(signature, bands: settings.lshBands)
        passages = Winnowing.hashes(analyzed.shingles, window: settings.winnowWindow)
        RadixSort.sort(&passages, lowBits: 0)
        passages.removeDuplicatesInSortedArray()
    }

    public static func sha256Hex(_ text: String) -> String {
        var text = text
        // Hashed straight from the string's storage: `Data(text.utf8)` copied it byte by byte
        // first, which took longer than the hashing.
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Lowercase hex of a digest (String(format:) per byte cost more than the hashing itself).
    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: SHA256.Digest.byteCount * 2) { out in
            digest.withUnsafeBytes { bytes in
                for (i, b) in bytes.enumerated() {
                    out[2 * i] = hexDigit(b >> 4)
                    out[2 * i + 1] = hexDigit(b & 0x0F)
                }
            }
            return SHA256.Digest.byteCount * 2
        }
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
}
