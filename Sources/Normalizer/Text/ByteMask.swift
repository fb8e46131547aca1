/// Tests on the eight bytes of a 64-bit word at once (SWAR), for scans over UTF-8 text.
///
/// Guarantees: each answer is exact for every byte; no byte's result leaks into its
/// neighbour's (the carries of the arithmetic are kept inside each byte).
enum ByteMask {
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of each byte of `x` that equals `byte`, the other bits clear.
    @inline(__always)
    static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 {
        let t = x ^ (ones &* UInt64(byte))
        return ~(((t & low7) &+ low7) | t) & high
    }

    /// True when every byte of `x` is in 0x20...0x7E: printable ASCII or a space.
    @inline(__always)
    static func allPrintableOrSpace(_ x: UInt64) -> Bool {
        // Adding 0x60 to a byte of 0x20...0x7E sets its high bit without a carry out
        // (0x80...0xDE); below 0x20 leaves it clear, and 0x7F sets it only with 0x60 + 0x7F =
        // 0xDF, so 0x7F is tested on its own. Bytes of 0x80 and above are ruled out first.
        guard x & high == 0 else { return false }
        let lifted = (x & low7) &+ (ones &* 0x60)
        return lifted & high == high && equal(x, 0x7F) == 0
    }

    /// How many UTF-16 units the UTF-8 bytes of `x` begin: one per byte that is not a
    /// continuation byte (10xxxxxx), and one more per lead of four bytes (11110xxx).
    @inline(__always)
    static func utf16Units(_ x: UInt64) -> Int {
        // Bit 7 of a byte shifted left lands in the next byte's bit 0, outside the mask.
        let continuation = x & ~(x << 1) & high
        let fourByteLead = x & (x << 1) & (x << 2) & (x << 3) & high
        return 8 - continuation.nonzeroBitCount + fourByteLead.nonzeroBitCount
    }

    /// True when every byte of `x` is ASCII (below 0x80).
    @inline(__always)
    static func isASCII(_ x: UInt64) -> Bool { x & high == 0 }

    /// `x` (all ASCII) with each capital A...Z made lowercase: a byte at or above 0x41 gets
    /// its high bit set by adding 0x3F, one at or above 0x5B by adding 0x25; neither carries
    /// out of a byte below 0x80. Capitals have the first bit and not the second, and 0x20
    /// more is their lowercase.
    @inline(__always)
    static func asciiLowercase(_ x: UInt64) -> UInt64 {
        let capitals = (x &+ ones &* 0x3F) & ~(x &+ ones &* 0x25) & high
        return x | capitals >> 2
    }
}
