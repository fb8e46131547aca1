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
        // Each pair as one integer, its diagonal (shifted to be positive) above its position
        // in `a`, so that sorting integers orders pairs by diagonal, then position: sorting
        // tuples through a comparison closure took a fifth of comparing two templated texts.
        var pairs: [UInt64] = []
        let shift = tb.count
        var i = 0, j = 0
        while i < sa.count && j < sb.count {
            let h = sa[i].hash
            if h < sb[j].hash { i += 1; continue }
            if h > sb[j].hash { j += 1; continue }
            shared += 1
            var endA = i, endB = j
            while endA < sa.count && sa[endA].hash == h { endA += 1 }
            while endB < sb.count && sb[endB].hash == h { endB += 1 }
            if findRuns && endA - i <= Self.maxRepeats && endB - j <= Self.maxRepeats {
                for x in i..<endA {
                    for y in j..<endB {
                        let diagonal = Int(sa[x].position) - Int(sb[y].position) + shift
                        pairs.append(UInt64(diagonal) << 32 | UInt64(sa[x].position))
                    }
                }
            }
            i = endA
            j = endB
        }
        // Along each diagonal in order, a pair not inside the run found before it is
        // widened both ways to its maximal run.
        // (Pairs crowd a few diagonals, where a radix sort falls back to byte passes.)
        pairs.sort()
        var found: [Run] = []
        var diagonal = Int.min, coveredUntil = 0
        for packed in pairs {
            let pair = (diagonal: Int(packed >> 32) - shift, a: Int(packed & 0xFFFF_FFFF))
            if pair.diagonal != diagonal { (diagonal, coveredUntil) = (pair.diagonal, 0) }
            guard pair.a >= coveredUntil else { continue }
            var start = pair.a
            while start > coveredUntil, start - diagonal > 0, ta[start - 1].hash == tb[start - 1 - diagonal].hash { start -= 1 }
            var end = pair.a
            while end < ta.count, end - diagonal < tb.count, ta[end].hash == tb[end - diagonal].hash { end += 1 }
            coveredUntil = end
            if end - start >= minWords { found.append(Run(startA: start, startB: start - diagonal, words: end - start)) }
        }
        sharedShingles = shared
        found.sort { ($0.words, -$0.startA) > ($1.words, -$1.startA) }
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
