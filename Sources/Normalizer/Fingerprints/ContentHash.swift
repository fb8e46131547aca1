import Crypto

/// How a normalized text is known by its exact content.
///
/// - `sha256Hex`: the archive's content address, lowercase hex SHA-256 of the UTF-8 text;
///   stored, exported and compared across runs, so equal hashes mean exact copies.
/// - `key`: a 32-bit key for finding exact copies in memory, where a hit is confirmed on
///   the text itself. Seeded per process (Swift's `Hasher`, SipHash), so nobody can write
///   texts that all fall under one key and make each lookup compare them all; never
///   stored. A fraction of the SHA-256's work, which was the largest single cost of
///   fingerprinting a text.
public enum ContentHash {
    public static func sha256Hex(_ text: String) -> String {
        var text = text
        // Hashed straight from the string's storage: `Data(text.utf8)` copied it byte by byte
        // first, which took longer than the hashing.
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0))) }
    }

    /// Equal texts have equal keys within one process.
    public static func key(_ text: String) -> UInt32 {
        var text = text
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return UInt32(truncatingIfNeeded: hasher.finalize())
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
