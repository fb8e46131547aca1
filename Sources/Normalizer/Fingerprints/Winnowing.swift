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
        var out: [Fingerprint] = []
        out.reserveCapacity(2 * shingles.count / (window + 1) + 1)
        shingles.withUnsafeBufferPointer { h in
            forEachSelected(h, window: window) { out.append(Fingerprint(hash: h[$0], position: $0)) }
        }
        return out
    }

    /// The selected hashes alone, in text order (what the passage index stores), without
    /// building fingerprints to map them away again.
    public static func hashes(_ shingles: [UInt64], window: Int) -> [UInt64] {
        shingles.withUnsafeBufferPointer { h in
            [UInt64](unsafeUninitializedCapacity: h.count) { out, count in
                forEachSelected(h, window: window) {
                    out[count] = h[$0]
                    count += 1
                }
            }
        }
    }

    /// Calls `body` with the position of each selected shingle, in text order (at most one
    /// call per shingle).
    @inline(__always)
    private static func forEachSelected(_ h: UnsafeBufferPointer<UInt64>, window: Int, _ body: (Int) -> Void) {
        guard !h.isEmpty else { return }
        if h.count <= window {
            body(rightmostMinimum(h, 0..<h.count))
            return
        }
        // The window's rightmost minimum only changes when a new value is ≤ it, or when it
        // leaves the window (then the window is scanned again): expected O(1) per shingle.
        var best = rightmostMinimum(h, 0..<window), last = best
        body(best)
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
                body(best)
                last = best
            }
        }
    }

    private static func rightmostMinimum(_ h: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) -> Int {
        var best = range.lowerBound
        for i in range where h[i] <= h[best] { best = i }
        return best
    }
}
