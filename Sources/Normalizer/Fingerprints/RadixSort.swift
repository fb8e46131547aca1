/// A stable radix sort of 64-bit values on their high bits.
///
/// Guarantees: afterwards `values` is ordered by `value >> lowBits`, and values equal there
/// keep their order. So values that carry a position below `lowBits`, written in position
/// order, come out ordered by their high bits and then by position.
///
/// Values spread as hashes are (a text's ~250 shingles) take one count and scatter on
/// their top log₂ n bits, which leaves about one value per bucket, and an insertion pass
/// that puts each bucket in order. Otherwise (crowded buckets, where insertion could take
/// quadratic time) it makes one least-significant-digit pass per byte of the high bits
/// that is not the same in every value. A comparison sort spent most of its time
/// mispredicting branches, and five byte passes most of theirs clearing and summing
/// 256 counts for 250 values.
enum RadixSort {
    static func sort(_ values: inout [UInt64], lowBits: Int) {
        let n = values.count
        guard n > 1 else { return }
        // Bits above every value's highest are zero in all: not sorted on (index keys are 32 bits).
        let width = 64 - values.reduce(0, |).leadingZeroBitCount
        guard width > lowBits else { return }
        if n <= 1 << 16 && sortSpread(&values, lowBits: lowBits, width: width) { return }
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256)
        var shift = lowBits
        var inScratch = false
        while shift < width {
            let digitBits = min(8, width - shift), mask = UInt64((1 << digitBits) - 1)
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
            shift += digitBits
        }
        if inScratch { values = scratch }
    }

    /// Most values a bucket may hold for `sortSpread` to go on.
    private static let crowded = 32

    /// The count-scatter-insert sort for spread values below 2^`width`, bucketed on their
    /// top bits below it; false, with `values` untouched, when some bucket holds more than
    /// `crowded` of them.
    private static func sortSpread(_ values: inout [UInt64], lowBits: Int, width: Int) -> Bool {
        let n = values.count
        let bits = min(width - lowBits, Int.bitWidth - (n - 1).leadingZeroBitCount)
        let shift = UInt64(width - bits)
        var sorted = [UInt64](repeating: 0, count: n)
        let spread = values.withUnsafeBufferPointer { v in
            // Bucket starts: scratch (on the stack when small), not an array per sort.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: (1 << bits) + 1) { c in
                c.initialize(repeating: 0)
                return sorted.withUnsafeMutableBufferPointer { out in
                    for x in v { c[Int(x >> shift) + 1] += 1 }
                    var total = 0
                    for i in 1..<c.count {
                        if c[i] > crowded { return false }
                        total += c[i]
                        c[i] = total
                    }
                    for x in v {
                        let bucket = Int(x >> shift)
                        out[c[bucket]] = x
                        c[bucket] += 1
                    }
                    // Insertion on the high bits: strict comparison keeps equal values in order.
                    let low = UInt64(lowBits)
                    for i in 1..<n {
                        let x = out[i], key = x >> low
                        var j = i
                        while j > 0 && out[j - 1] >> low > key {
                            out[j] = out[j - 1]
                            j -= 1
                        }
                        out[j] = x
                    }
                    return true
                }
            }
        }
        if spread { values = sorted }
        return spread
    }
}
