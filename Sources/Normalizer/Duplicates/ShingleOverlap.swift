/// What two prepared texts have in common, found in one merge of their hash-ordered
/// shingles: how many distinct shingles they share, and the maximal word runs they share.
///
/// Guarantees: `sharedShingles` is the size of the intersection of the two shingle sets;
/// every shared run of at least `minWords` words (≥ one shingle) is found exactly once, at
/// its maximal extent; `runs` are chosen longest first so that no two overlap in either
/// text. Texts shorter than one shingle share no runs.
struct ShingleOverlap {
    struct Run: Equatable {
        var startA: Int
        var startB: Int
        var words: Int
    }

    let sharedShingles: Int
    let runs: [Run]

    init(_ a: ComparableText, _ b: ComparableText, minWords: Int) {
        let ta = a.analyzed.tokens, tb = b.analyzed.tokens
        let findRuns = ta.count >= a.analyzed.shingleWords && tb.count >= b.analyzed.shingleWords
        var found: [Run] = [], shared = 0
        let sa = a.sortedShingles, sb = b.sortedShingles
        var i = 0, j = 0
        while i < sa.count && j < sb.count {
            let h = sa[i].hash
            if h < sb[j].hash { i += 1; continue }
            if h > sb[j].hash { j += 1; continue }
            shared += 1
            var endA = i, endB = j
            while endA < sa.count && sa[endA].hash == h { endA += 1 }
            while endB < sb.count && sb[endB].hash == h { endB += 1 }
            if findRuns {
                for x in i..<endA {
                    let pa = Int(sa[x].position)
                    for y in j..<endB {
                        let pb = Int(sb[y].position)
                        if pa > 0, pb > 0, ta[pa - 1].hash == tb[pb - 1].hash { continue }  // not a run's start
                        var n = 0
                        while pa + n < ta.count, pb + n < tb.count, ta[pa + n].hash == tb[pb + n].hash { n += 1 }
                        if n >= minWords { found.append(Run(startA: pa, startB: pb, words: n)) }
                    }
                }
            }
            i = endA
            j = endB
        }
        sharedShingles = shared
        found.sort { ($0.words, -$0.startA) > ($1.words, -$1.startA) }
        var chosen: [Run] = []
        for run in found where !chosen.contains(where: { Self.overlaps($0, run) }) {
            chosen.append(run)
        }
        runs = chosen
    }

    private static func overlaps(_ x: Run, _ y: Run) -> Bool {
        let a = x.startA < y.startA + y.words && y.startA < x.startA + x.words
        let b = x.startB < y.startB + y.words && y.startB < x.startB + x.words
        return a || b
    }
}
