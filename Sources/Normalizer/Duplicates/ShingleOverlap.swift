/// What two prepared texts have in common, found by looking the second's shingles up in the
/// first's `ShingleTable`: how many distinct shingles they share, and the maximal word runs
/// they share.
///
/// Guarantees: `sharedShingles` is the size of the intersection of the two shingle sets;
/// every shared run of at least `minWords` words (≥ one shingle) is found exactly once, at
/// its maximal extent, unless all its shingles occur more than `maxRepeats` times in one of
/// the texts: repeated text is no evidence, and pairing its copies would cost the product
/// of their counts. `runs` are chosen longest first so that no two overlap in either text.
/// Texts shorter than one shingle share no runs. The work is linear in the texts' lengths
/// (and the pairs of repeated shingles): each position of each diagonal is walked at most once.
struct ShingleOverlap {
    struct Run: Equatable {
        var startA: Int
        var startB: Int
        var words: Int
    }

    /// How often a shingle may occur in one text and still be paired with the other's.
    static let maxRepeats: UInt8 = 16

    let sharedShingles: Int
    let runs: [Run]

    init(_ a: ComparableText, _ b: ComparableText, minWords: Int) {
        let na = a.wordCount, nb = b.wordCount
        let findRuns = na >= a.shingleWords && nb >= b.shingleWords
        let table = a.shingleTable, other = b.shingleTable
        var shared = 0
        var found: [Run] = []
        // Each of `b`'s shingles is looked up in `a`'s table, in `b`'s order: the pairs of a
        // diagonal come in order of position, as widening them needs (`widen`).
        var coveredUntil = [Int32](repeating: 0, count: findRuns ? na + nb + 1 : 0)
        table.withLookup { lookup in
            other.shingles.withUnsafeBufferPointer { shinglesB in
                table.next.withUnsafeBufferPointer { nextA in
                    table.occurrences.withUnsafeBufferPointer { countA in
                        other.occurrences.withUnsafeBufferPointer { countB in
                            a.wordHashes.withUnsafeBufferPointer { ha in
                                b.wordHashes.withUnsafeBufferPointer { hb in
                                    coveredUntil.withUnsafeMutableBufferPointer { covered in
                                        for y in 0..<shinglesB.count {
                                            let first = lookup.first(of: shinglesB[y])
                                            guard first >= 0 else { continue }
                                            if countB[y] & ShingleTable.firstFlag != 0 { shared += 1 }
                                            guard findRuns, countB[y] & ShingleTable.countCap <= Self.maxRepeats,
                                                  countA[first] & ShingleTable.countCap <= Self.maxRepeats else { continue }
                                            var x = first
                                            while x >= 0 {
                                                Self.widen(x, y, ha, hb, covered, minWords: minWords, into: &found)
                                                x = Int(nextA[x])
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        sharedShingles = shared
        // Longest first, then earliest in `a`, then lowest diagonal.
        found.sort { ($0.words, -$0.startA, $0.startB - $0.startA) > ($1.words, -$1.startA, $1.startB - $1.startA) }
        var usedA = [Bool](repeating: false, count: found.isEmpty ? 0 : na)
        var usedB = [Bool](repeating: false, count: found.isEmpty ? 0 : nb)
        var chosen: [Run] = []
        for run in found {
            let rangeA = run.startA..<(run.startA + run.words), rangeB = run.startB..<(run.startB + run.words)
            guard !rangeA.contains(where: { usedA[$0] }), !rangeB.contains(where: { usedB[$0] }) else { continue }
            for k in rangeA { usedA[k] = true }
            for k in rangeB { usedB[k] = true }
            chosen.append(run)
        }
        runs = chosen
    }

    /// Widens the shared pair (`x`, `y`) to the maximal run of equal words on its diagonal,
    /// and keeps the run if it has `minWords`. `covered` holds, per diagonal (`a` − `b`,
    /// shifted by `b`'s length to be positive), where the run found last on it ends: a pair
    /// inside it is not widened again.
    @inline(__always)
    private static func widen(_ x: Int, _ y: Int, _ ha: UnsafeBufferPointer<UInt64>, _ hb: UnsafeBufferPointer<UInt64>,
                              _ covered: UnsafeMutableBufferPointer<Int32>, minWords: Int, into found: inout [Run]) {
        let diagonal = x - y, slot = diagonal + hb.count
        guard x >= Int(covered[slot]) else { return }
        var start = x
        while start > Int(covered[slot]), start - diagonal > 0, ha[start - 1] == hb[start - 1 - diagonal] { start -= 1 }
        var end = x
        while end < ha.count, end - diagonal < hb.count, ha[end] == hb[end - diagonal] { end += 1 }
        covered[slot] = Int32(end)
        if end - start >= minWords { found.append(Run(startA: start, startB: start - diagonal, words: end - start)) }
    }
}
