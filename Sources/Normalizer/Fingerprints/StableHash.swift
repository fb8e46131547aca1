/// Deterministic 64-bit hashing for fingerprints that are stored and compared across runs.
///
/// Swift's `Hasher` is seeded per process, so it cannot be used for anything persisted.
/// These functions give the same value on every run and every machine.
public enum StableHash {
    /// FNV-1a over UTF-8 bytes, finished with `mix` so that short words spread over all bits.
    public static func word(_ utf8: some Sequence<UInt8>) -> UInt64 {
        var h = fnvOffset
        for byte in utf8 { h = fnvStep(h, byte) }
        return mix(h)
    }

    /// FNV-1a's starting value, for hashing a word byte by byte as it is scanned.
    public static var fnvOffset: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// One FNV-1a step.
    @inline(__always)
    public static func fnvStep(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The splitmix64 finalizer: a bijection on 64-bit values with full avalanche.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The base of the shingle hash's rolling sum (`AnalyzedText`): odd, so every power of
    /// it is too.
    public static var shingleBase: UInt64 { 0x9e37_79b9_7f4a_7c15 }

    /// Order-sensitive combination of two hashes.
    @inline(__always)
    public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed &* 0x100_0000_01b3 ^ value)
    }
}
