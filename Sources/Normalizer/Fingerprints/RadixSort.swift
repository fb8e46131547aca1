/// A stable least-significant-digit radix sort of 64-bit values on their high bits.
///
/// Guarantees: afterwards `values` is ordered by `value >> lowBits`, and values equal there
/// keep their order. So values that carry a position below `lowBits`, written in position
/// order, come out ordered by their high bits and then by position. It makes one pass per
/// byte of the high bits that is not the same in every value, each a count and a scatter,
/// where a comparison sort of a text's ~250 shingles spent most of its time mispredicting
/// branches.
enum RadixSort {
    static func sort(_ values: inout [UInt64], lowBits: Int) {
        let n = values.count
        guard n > 1 else { return }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256)
        var shift = lowBits
        var inScratch = false
        while shift < 64 {
            let width = min(8, 64 - shift), mask = UInt64((1 << width) - 1)
            values.withUnsafeMutableBufferPointer { v in
                scratch.withUnsafeMutableBufferPointer { s in
                    counts.withUnsafeMutableBufferPointer { c in
                        let (from, to) = inScratch ? (s, v) : (v, s)
                        for i in 0..<256 { c[i] = 0 }
                        for x in from { c[Int((x >> UInt64(shift)) & mask)] += 1 }
                        // A digit every value shares moves nothing: skip the scatter.
                        guard c[Int((from[0] >> UInt64(shift)) & mask)] != n else { return }
                        var total = 0
                        for i in 0..<256 {
                            let count = c[i]
                            c[i] = total
                            total += count
                        }
                        for x in from {
                            let digit = Int((x >> UInt64(shift)) & mask)
                            to[c[digit]] = x
                            c[digit] += 1
                        }
                        inScratch.toggle()
                    }
                }
            }
            shift += width
        }
        if inScratch { values = scratch }
    }
}
