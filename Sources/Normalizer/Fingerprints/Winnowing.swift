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

        public init(hash: UInt64, position: Int) {
            self.hash = hash
            self.position = position
        }
    }

    public static func fingerprints(_ shingles: [UInt64], window: Int) -> [Fingerprint] {
        guard !shingles.isEmpty else { return [] }
        return shingles.withUnsafeBufferPointer { h in
            if h.count <= window {
                let i = rightmostMinimum(h, 0..<h.count)
                return [Fingerprint(hash: h[i], position: i)]
            }
            var out: [Fingerprint] = []
            out.reserveCapacity(2 * h.count / (window + 1) + 1)
            // The window's rightmost minimum only changes when a new value is ≤ it, or when it
            // leaves the window (then the window is scanned again): expected O(1) per shingle.
            var best = rightmostMinimum(h, 0..<window), last = best
            out.append(Fingerprint(hash: h[best], position: best))
            for end in window..<h.count {
                let start = end - window + 1
                if best < start {
                    best = rightmostMinimum(h, start..<(end + 1))
                } else if h[end] <= h[best] {
                    best = end
                } else {
                    continue
                }
                if best != last {
                    out.append(Fingerprint(hash: h[best], position: best))
                    last = best
                }
            }
            return out
        }
    }

    private static func rightmostMinimum(_ h: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) -> Int {
        var best = range.lowerBound
        for i in range where h[i] <= h[best] { best = i }
        return best
    }
}
