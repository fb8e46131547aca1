import Foundation

/// Which of many byte literals occur in a string, found in one pass over it: each position's
/// first two bytes index a table of the literals that open with them, and only those are
/// compared there. Testing each literal in turn scanned a paragraph once per literal, for
/// every paragraph of every text. A bitmap of the opening pairs (8 KB, cache-resident, where
/// the table is 256 KB) turns away the positions where no literal opens, which is nearly all.
///
/// Guarantees: `present(in:)` gives exactly the indexes of the literals (each at least two
/// bytes long) that occur in the bytes, ascending.
struct LiteralSet: Sendable {
    private let literals: [[UInt8]]
    /// For each opening pair of bytes `p`, the literals that open with it are
    /// `entries[starts[p]..<starts[p + 1]]`.
    private let starts: [Int32]
    private let entries: [Int32]
    /// Bit `p` is set when some literal opens with the pair `p`.
    private let opening: [UInt64]
    /// Each literal's first eight bytes (fewer when shorter) as a little-endian word, and
    /// the mask of the bytes it has: most pairs that open a literal ("co", "re") open
    /// ordinary words too, and one masked compare turns those away.
    private let heads: [(word: UInt64, mask: UInt64)]

    init(_ literals: [[UInt8]]) {
        precondition(literals.allSatisfy { $0.count >= 2 }, "a literal of the set has fewer than two bytes")
        self.literals = literals
        var counts = [Int32](repeating: 0, count: 1 << 16 + 1)
        for literal in literals { counts[Self.pair(literal[0], literal[1]) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var next = counts, entries = [Int32](repeating: 0, count: literals.count)
        var opening = [UInt64](repeating: 0, count: 1 << 10)
        for (i, literal) in literals.enumerated() {
            let p = Self.pair(literal[0], literal[1])
            entries[Int(next[p])] = Int32(i)
            next[p] += 1
            opening[p >> 6] |= 1 << UInt64(p & 63)
        }
        self.opening = opening
        heads = literals.map { literal in
            literal.prefix(8).enumerated().reduce((UInt64(0), UInt64(0))) { head, byte in
                (head.0 | UInt64(byte.element) << (8 * UInt64(byte.offset)), head.1 | 0xFF << (8 * UInt64(byte.offset)))
            }
        }
        starts = counts
        self.entries = entries
    }

    /// The indexes of the literals found in `bytes`, ascending.
    func present(in b: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard b.count >= 2, !literals.isEmpty else { return [] }
        var found: [Int] = []
        guard let base = b.baseAddress.map(UnsafeRawPointer.init) else { return [] }
        // Plain pointers: the scan looks at every byte pair of every short paragraph.
        opening.withUnsafeBufferPointer { opening in
            starts.withUnsafeBufferPointer { starts in
                entries.withUnsafeBufferPointer { entries in
                    heads.withUnsafeBufferPointer { heads in
                        for i in 0..<(b.count - 1) {
                            let p = Self.pair(b[i], b[i + 1])
                            guard opening[p >> 6] & 1 << UInt64(p & 63) != 0 else { continue }
                            let word = i + 8 <= b.count ? base.loadUnaligned(fromByteOffset: i, as: UInt64.self) : nil
                            for e in Int(starts[p])..<Int(starts[p + 1]) {
                                let index = Int(entries[e])
                                if let word, word & heads[index].mask != heads[index].word { continue }
                                let literal = literals[index]
                                guard literal.count <= b.count - i, !found.contains(index) else { continue }
                                if literal.withUnsafeBufferPointer({ memcmp(base + i, $0.baseAddress!, $0.count) == 0 }) {
                                    found.append(index)
                                }
                            }
                        }
                    }
                }
            }
        }
        return found.sorted()
    }

    @inline(__always)
    private static func pair(_ a: UInt8, _ b: UInt8) -> Int { Int(a) << 8 | Int(b) }
}
