import Foundation

/// Which of many byte literals occur in a string, found in one pass over it: each position's
/// first two bytes index a table of the literals that open with them, and only those are
/// compared there. Testing each literal in turn scanned a paragraph once per literal, for
/// every paragraph of every text.
///
/// Guarantees: `present(in:)` gives exactly the indexes of the literals (each at least two
/// bytes long) that occur in the bytes, ascending.
struct LiteralSet: Sendable {
    private let literals: [[UInt8]]
    /// For each opening pair of bytes `p`, the literals that open with it are
    /// `entries[starts[p]..<starts[p + 1]]`.
    private let starts: [Int32]
    private let entries: [Int32]

    init(_ literals: [[UInt8]]) {
        precondition(literals.allSatisfy { $0.count >= 2 }, "a literal of the set has fewer than two bytes")
        self.literals = literals
        var counts = [Int32](repeating: 0, count: 1 << 16 + 1)
        for literal in literals { counts[Self.pair(literal[0], literal[1]) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var next = counts, entries = [Int32](repeating: 0, count: literals.count)
        for (i, literal) in literals.enumerated() {
            let p = Self.pair(literal[0], literal[1])
            entries[Int(next[p])] = Int32(i)
            next[p] += 1
        }
        starts = counts
        self.entries = entries
    }

    var isEmpty: Bool { literals.isEmpty }

    /// The indexes of the literals found in `bytes`, ascending.
    func present(in bytes: [UInt8]) -> [Int] {
        guard bytes.count >= 2, !literals.isEmpty else { return [] }
        var found = Set<Int>()
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<(b.count - 1) {
                let p = Self.pair(b[i], b[i + 1])
                let from = Int(starts[p]), to = Int(starts[p + 1])
                guard from < to else { continue }
                for e in from..<to {
                    let index = Int(entries[e]), literal = literals[index]
                    guard literal.count <= b.count - i, !found.contains(index) else { continue }
                    if literal.withUnsafeBufferPointer({ memcmp(b.baseAddress! + i, $0.baseAddress!, $0.count) == 0 }) {
                        found.insert(index)
                    }
                }
            }
        }
        return found.sorted()
    }

    @inline(__always)
    private static func pair(_ a: UInt8, _ b: UInt8) -> Int { Int(a) << 8 | Int(b) }
}
