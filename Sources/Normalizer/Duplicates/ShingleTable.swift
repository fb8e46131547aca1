/// A text's shingles by hash: where each distinct shingle first occurs, where it occurs
/// again, and how often. Built once per text that has candidates; another text's shingles
/// are then looked up in it one by one, in their own order (`ShingleOverlap`).
///
/// Guarantees: `first(of: h)` is the lowest position whose shingle hash is `h`, or −1 when
/// none is; `next[p]` is the next position after `p` with the same hash, or −1;
/// `occurrences[p]` holds how often `p`'s hash occurs in the text (at most
/// `ShingleTable.countCap`) in its low bits, and `ShingleTable.firstFlag` when `p` is its
/// first occurrence; `distinct` counts the distinct hashes. Lookups read a table of one
/// 32-bit slot per two shingles or more, so that a miss, the common answer for texts that
/// are not copies, ends after one or two slots; a slot in use is confirmed on the shingle's
/// hash. (Prepared texts are cached by the thousand: the slots were their largest part.)
public struct ShingleTable: Sendable {
    /// Occurrences above this are counted as this (`ShingleOverlap.maxRepeats` is below).
    static let countCap: UInt8 = 0x7F
    static let firstFlag: UInt8 = 0x80

    /// Per slot: a hash's first position + 1 (0: empty).
    private let slots: [UInt32]
    private let shift: UInt64
    /// The text's shingle hashes, by position.
    let shingles: [UInt64]
    let next: [Int32]
    let occurrences: [UInt8]
    public let distinct: Int

    public init(_ shingles: [UInt64]) {
        self.shingles = shingles
        let n = shingles.count
        var bits = 4
        while 1 << bits < 2 * n { bits += 1 }
        let shift = UInt64(64 - bits)
        self.shift = shift
        let mask = (1 << bits) - 1
        var distinct = 0
        // On plain buffers: an array written inside the loop checked its uniqueness and
        // bounds at every write, for every shingle of every text that has candidates.
        let last = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
        defer { last.deallocate() }
        var next: [Int32] = [], occurrences: [UInt8] = []
        let slots = [UInt32](unsafeUninitializedCapacity: 1 << bits) { slots, initialized in
            slots.initialize(repeating: 0)
            initialized = 1 << bits
            next = [Int32](unsafeUninitializedCapacity: n) { next, nextCount in
                next.initialize(repeating: -1)
                nextCount = n
                occurrences = [UInt8](unsafeUninitializedCapacity: n) { occurrences, occurrencesCount in
                    occurrences.initialize(repeating: 0)
                    occurrencesCount = n
                    shingles.withUnsafeBufferPointer { shingles in
                        for p in 0..<n {
                            let h = shingles[p]
                            var s = Int(truncatingIfNeeded: h >> shift)
                            while true {
                                let e = slots[s]
                                if e == 0 {
                                    slots[s] = UInt32(p + 1)
                                    occurrences[p] = Self.firstFlag | 1
                                    last[p] = Int32(p)
                                    distinct += 1
                                    break
                                }
                                let first = Int(e) - 1
                                if shingles[first] == h {
                                    next[Int(last[first])] = Int32(p)
                                    last[first] = Int32(p)
                                    if occurrences[first] & Self.countCap < Self.countCap { occurrences[first] += 1 }
                                    break
                                }
                                s = (s + 1) & mask
                            }
                        }
                    }
                    // Every occurrence carries its hash's count, kept so far at the first one.
                    for p in 0..<n where occurrences[p] & Self.firstFlag != 0 && occurrences[p] & Self.countCap > 1 {
                        var q = next[p]
                        while q >= 0 {
                            occurrences[Int(q)] = occurrences[p] & Self.countCap
                            q = next[Int(q)]
                        }
                    }
                }
            }
        }
        self.slots = slots
        self.next = next
        self.occurrences = occurrences
        self.distinct = distinct
    }

    /// Looks hashes up in the table, on plain pointers (a text's every shingle is looked up).
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        slots.withUnsafeBufferPointer { slots in
            shingles.withUnsafeBufferPointer { shingles in body(Lookup(slots: slots, shingles: shingles, shift: shift)) }
        }
    }

    struct Lookup {
        let slots: UnsafeBufferPointer<UInt32>
        let shingles: UnsafeBufferPointer<UInt64>
        let shift: UInt64

        /// The first position of hash `h`, or −1.
        @inline(__always)
        func first(of h: UInt64) -> Int {
            let mask = slots.count - 1
            var s = Int(truncatingIfNeeded: h >> shift)
            while true {
                let e = slots[s]
                if e == 0 { return -1 }
                let first = Int(e) - 1
                if shingles[first] == h { return first }
                s = (s + 1) & mask
            }
        }
    }
}
