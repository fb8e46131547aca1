/// What two prepared texts have in common, found in one merge of their hash-ordered
/// shingles: how many distinct shingles they share, and the maximal word runs they share.
///
/// Guarantees: `sharedShingles` is the size of the intersection of the two shingle sets;
/// every shared run of at least `minWords` words (≥ one shingle) is found exactly once, at
/// its maximal extent, unless all its shingles occur more than `maxRepeats` times in one of
/// the texts: repeated text is no evidence, and pairing its copies would cost the product
/// of their counts. `runs` are chosen longest first so that no two overlap in either text.
/// Texts shorter than one shingle share no runs. The work is O(n log n) in the texts'
/// lengths: each position of each diagonal is walked at most once.
struct ShingleOverlap {
    struct Run: Equatable {
        var startA: Int
        var startB: Int
        var words: Int
    }

    /// How often a shingle may occur in one text and still be paired with the other's.
    static let maxRepeats = 16

    let sharedShingles: Int
    let runs: [Run]

    init(_ a: ComparableText, _ b: ComparableText, minWords: Int) {
        let ta = a.analyzed.tokens, tb = b.analyzed.tokens
        let findRuns = ta.count >= a.analyzed.shingleWords && tb.count >= b.analyzed.shingleWords
        let sa = a.sortedShingles, sb = b.sortedShingles
        var shared = 0
        let na = ta.count, nb = tb.count
        // The shared shingles' position pairs, by their position in `a`, so that each diagonal
        // is walked in order of position: a shingle found once in each text (nearly all) at
        // its place in `firstB`; the pairs of repeated ones apart, sorted once (a comparison
        // sort of all the pairs took most of comparing two copies).
        var firstB = [Int32](repeating: -1, count: findRuns ? na : 0)
        var repeated: [(a: Int32, b: Int32)] = []
        sa.withUnsafeBufferPointer { sa in
            sb.withUnsafeBufferPointer { sb in
                firstB.withUnsafeMutableBufferPointer { firstB in
                    var i = 0, j = 0
                    while i < sa.count && j < sb.count {
                        let h = sa[i].hash, g = sb[j].hash
                        if h != g {
                            // Which side moves on is a coin toss between two texts' hashes: moved
                            // without a branch, which mispredicted on half of the steps.
                            let aFirst = h < g
                            i &+= aFirst ? 1 : 0
                            j &+= aFirst ? 0 : 1
                            continue
                        }
                        shared += 1
                        var endA = i &+ 1, endB = j &+ 1
                        while endA < sa.count && sa[endA].hash == h { endA &+= 1 }
                        while endB < sb.count && sb[endB].hash == h { endB &+= 1 }
                        if findRuns {
                            if endA &- i == 1 && endB &- j == 1 {
                                firstB[Int(sa[i].position)] = sb[j].position
                            } else if endA &- i <= Self.maxRepeats && endB &- j <= Self.maxRepeats {
                                for x in i..<endA {
                                    for y in j..<endB { repeated.append((sa[x].position, sb[y].position)) }
                                }
                            }
                        }
                        i = endA
                        j = endB
                    }
                }
            }
        }
        repeated.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        var found: [Run] = []
        if findRuns && shared > 0 {
            var coveredUntil = [Int32](repeating: 0, count: na + nb + 1)
            a.wordHashes.withUnsafeBufferPointer { ha in
                b.wordHashes.withUnsafeBufferPointer { hb in
                    coveredUntil.withUnsafeMutableBufferPointer { covered in
                        var r = 0
                        for x in 0..<na {
                            if firstB[x] >= 0 { Self.widen(x, Int(firstB[x]), ha, hb, covered, minWords: minWords, into: &found) }
                            while r < repeated.count && Int(repeated[r].a) == x {
                                Self.widen(x, Int(repeated[r].b), ha, hb, covered, minWords: minWords, into: &found)
                                r += 1
                            }
                        }
                    }
                }
            }
        }
        sharedShingles = shared
        // Longest first, then earliest in `a`, then lowest diagonal.
        found.sort { ($0.words, -$0.startA, $0.startB - $0.startA) > ($1.words, -$1.startA, $1.startB - $1.startA) }
        var usedA = [Bool](repeating: false, count: found.isEmpty ? 0 : ta.count)
        var usedB = [Bool](repeating: false, count: found.isEmpty ? 0 : tb.count)
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
