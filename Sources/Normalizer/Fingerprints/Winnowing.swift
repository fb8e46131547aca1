/// Winnowing (Schleimer, Wilkerson and Aiken, 2003) over word-shingle hashes.
///
/// Guarantee: with windows of `window` shingles of k words, any run of at least
/// window + k − 1 words that two texts share yields at least one fingerprint selected in
/// both. Density is about 2 / (window + 1) of the shingles.
public enum Winnowing {
    /// A selected fingerprint and the index of its shingle (= its first word).
    public struct Fingerprint: Sendable, Equatable {
        public var hash: UInt64
        public var position: Int
    }

    public static func fingerprints(_ shingles: [UInt64], window: Int) -> [Fingerprint] {
        guard !shingles.isEmpty else { return [] }
        if shingles.count <= window {
            let i = rightmostMinimum(shingles, 0..<shingles.count)
            return [Fingerprint(hash: shingles[i], position: i)]
        }
        var out: [Fingerprint] = []
        var last = -1
        for start in 0...(shingles.count - window) {
            let i = rightmostMinimum(shingles, start..<(start + window))
            if i != last {
                out.append(Fingerprint(hash: shingles[i], position: i))
                last = i
            }
        }
        return out
    }

    private static func rightmostMinimum(_ h: [UInt64], _ range: Range<Int>) -> Int {
        var best = range.lowerBound
        for i in range where h[i] <= h[best] { best = i }
        return best
    }
}
