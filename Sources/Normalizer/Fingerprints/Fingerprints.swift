import Crypto
import Foundation

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
        signature = MinHash(permutations: settings.minhashPermutations).signature(of: analyzed.shingles)
        bandKeys = MinHash.bandKeys(signature, bands: settings.lshBands)
        passages = Winnowing.fingerprints(analyzed.shingles, window: settings.winnowWindow).map(\.hash)
        passages.sort()
        passages.removeDuplicatesInSortedArray()
    }

    public static func sha256Hex(_ text: String) -> String {
        hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Lowercase hex of a digest (String(format:) per byte cost more than the hashing itself).
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
