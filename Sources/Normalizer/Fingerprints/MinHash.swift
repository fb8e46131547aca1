/// MinHash signatures and their LSH band keys, by one-permutation hashing with optimal
/// densification (Li, Owen and Zhang 2012; Shrivastava 2017).
///
/// Each shingle is hashed once: the top bits choose one of `permutations` bins, the low
/// 32 bits are its value, and each bin keeps its minimum. An empty bin borrows the value of
/// a bin picked by a fixed hash sequence of its own index, so two texts make the same
/// choice. One hash per shingle instead of one per permutation.
///
/// Guarantees: the same shingle set always gives the same signature; for two sets with
/// Jaccard similarity J each position agrees with probability ≈ J, so the fraction of
/// agreeing positions estimates J with standard error ≈ √(J(1−J)/permutations).
public struct MinHash: Sendable {
    public let permutations: Int
    /// The first `pickedAttempts` bins that an empty bin borrows from, in order, per bin
    /// (the fixed sequence that `signature` would otherwise hash anew for every text).
    private let picks: [Int32]
    private static let pickedAttempts = 4

    public init(permutations: Int) {
        self.permutations = permutations
        picks = (0..<permutations).flatMap { bin in
            (1...Self.pickedAttempts).map { Int32(Self.pick(bin, attempt: UInt64($0), bins: UInt64(permutations))) }
        }
    }

    /// Built once per process for the default 128 permutations, since `Fingerprints` asks
    /// for one per text.
    private static let common = MinHash(permutations: DuplicateSettings().minhashPermutations)

    /// A MinHash for `permutations`, shared when it is the default count.
    public static func with(permutations: Int) -> MinHash {
        permutations == common.permutations ? common : MinHash(permutations: permutations)
    }

    @inline(__always)
    private static func pick(_ bin: Int, attempt: UInt64, bins: UInt64) -> Int {
        Int(((StableHash.mix(UInt64(bin) << 32 | attempt) >> 32) &* bins) >> 32)
    }

    /// The signature of a shingle set; an empty set gives all `UInt32.max`.
    public func signature(of shingles: [UInt64]) -> [UInt32] {
        var mins = [UInt32](repeating: .max, count: permutations)
        guard !shingles.isEmpty else { return mins }
        let bins = UInt64(permutations)
        // Which bins some shingle reached: scratch on the stack, not an array per text.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: permutations) { filled in
            filled.initialize(repeating: false)
            mins.withUnsafeMutableBufferPointer { mins in
                for shingle in shingles {
                    let h = StableHash.mix(shingle ^ 0x5eed_1e57_d0c5_0001)
                    let bin = Int(((h >> 32) &* bins) >> 32)
                    // Without a branch: whether a value is a new minimum is a coin toss.
                    mins[bin] = Swift.min(mins[bin], UInt32(truncatingIfNeeded: h))
                    filled[bin] = true
                }
                // Empty bins borrow from filled ones only, so they can be written in place.
                picks.withUnsafeBufferPointer { picks in
                    for bin in 0..<permutations where !filled[bin] {
                        var attempt = 0
                        while true {
                            let pick = attempt < Self.pickedAttempts
                                ? Int(picks[bin * Self.pickedAttempts + attempt])
                                : Self.pick(bin, attempt: UInt64(attempt + 1), bins: bins)
                            if filled[pick] {
                                mins[bin] = mins[pick]
                                break
                            }
                            attempt += 1
                        }
                    }
                }
            }
        }
        return mins
    }

    /// The fraction of positions on which two signatures agree.
    public static func estimatedJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var same = 0
        for i in a.indices where a[i] == b[i] { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// One key per band of `rows` consecutive positions; two signatures share a band key
    /// exactly when they agree on that whole band (up to 64-bit hash collisions).
    public static func bandKeys(_ signature: [UInt32], bands: Int) -> [UInt64] {
        let rows = signature.count / bands
        return (0..<bands).map { band in
            var h = StableHash.mix(UInt64(band) &+ 0xba4d)
            for r in 0..<rows { h = StableHash.combine(h, UInt64(signature[band * rows + r])) }
            return h
        }
    }
}
