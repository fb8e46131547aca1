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
        // The shared shingles' position pairs, bucketed by their position in `a` (a counting
        // sort: positions are below the text's length), so that each diagonal is walked in
        // order of position. A comparison sort of the pairs took most of comparing two copies.
        var pairs: [(a: Int32, b: Int32)] = []
        sa.withUnsafeBufferPointer { sa in
            sb.withUnsafeBufferPointer { sb in
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
                    var endA = i, endB = j
                    while endA < sa.count && sa[endA].hash == h { endA += 1 }
                    while endB < sb.count && sb[endB].hash == h { endB += 1 }
                    if findRuns && endA - i <= Self.maxRepeats && endB - j <= Self.maxRepeats {
                        for x in i..<endA {
                            for y in j..<endB { pairs.append((sa[x].position, sb[y].position)) }
                        }
                    }
                    i = endA
                    j = endB
                }
            }
        }
        var found: [Run] = []
        if !pairs.isEmpty {
            var starts = [Int32](repeating: 0, count: ta.count + 1)
            for pair in pairs { starts[Int(pair.a) + 1] += 1 }
            for x in 0..<ta.count { starts[x + 1] += starts[x] }
            var byA = [Int32](repeating: 0, count: pairs.count), next = starts
            for pair in pairs {
                byA[Int(next[Int(pair.a)])] = pair.b
                next[Int(pair.a)] += 1
            }
            // Per diagonal (`a` − `b`, shifted to be positive), where the run found last on
            // it ends: a pair inside it is not widened again.
            let shift = tb.count, na = ta.count, nb = tb.count
            var coveredUntil = [Int](repeating: 0, count: na + nb + 1)
            a.wordHashes.withUnsafeBufferPointer { ha in
                b.wordHashes.withUnsafeBufferPointer { hb in
                    coveredUntil.withUnsafeMutableBufferPointer { covered in
                        for x in 0..<na {
                            for k in Int(starts[x])..<Int(starts[x + 1]) {
                                let y = Int(byA[k]), diagonal = x - y
                                guard x >= covered[diagonal + shift] else { continue }
                                var start = x
                                while start > covered[diagonal + shift], start - diagonal > 0,
                                      ha[start - 1] == hb[start - 1 - diagonal] { start -= 1 }
                                var end = x
                                while end < na, end - diagonal < nb, ha[end] == hb[end - diagonal] { end += 1 }
                                covered[diagonal + shift] = end
                                if end - start >= minWords { found.append(Run(startA: start, startB: start - diagonal, words: end - start)) }
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
}
