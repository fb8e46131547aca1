/// MinHash signatures and their LSH band keys.
///
/// Guarantees: the same shingle set always gives the same signature (the permutations are
/// fixed seeds, not random per run), and for two sets with Jaccard similarity J each
/// signature position agrees with probability J, so the fraction of agreeing positions is
/// an unbiased estimate of J with standard error √(J(1−J)/permutations).
public struct MinHash: Sendable {
    public let permutations: Int
    private let seeds: [UInt64]

    public init(permutations: Int) {
        self.permutations = permutations
        var s: UInt64 = 0x5eed_1e57_d0c5_0001
        seeds = (0..<permutations).map { _ in
            s = StableHash.mix(s)
            return s
        }
    }

    /// The signature of a shingle set; an empty set gives all `UInt32.max`.
    public func signature(of shingles: some Sequence<UInt64>) -> [UInt32] {
        var mins = [UInt32](repeating: .max, count: permutations)
        for shingle in shingles {
            for i in 0..<permutations {
                let v = UInt32(truncatingIfNeeded: StableHash.mix(shingle ^ seeds[i]) >> 32)
                if v < mins[i] { mins[i] = v }
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
