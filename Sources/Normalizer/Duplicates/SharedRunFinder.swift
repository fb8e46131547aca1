/// Finds the maximal word runs two texts share, longest first, without overlaps.
///
/// Guarantees: every shared run of at least `minWords` words (≥ one shingle) is found
/// exactly once, at its maximal extent; runs are chosen longest first so that no two
/// reported runs overlap in either text.
struct SharedRunFinder {
    struct Run: Equatable {
        var startA: Int
        var startB: Int
        var words: Int
    }

    let a: AnalyzedText
    let b: AnalyzedText
    let minWords: Int

    func runs() -> [Run] {
        guard a.tokens.count >= a.shingleWords, b.tokens.count >= b.shingleWords else { return [] }
        // B's shingles sorted with their positions: lookups by binary search, no hashing.
        let positionsInB = b.shingles.enumerated().map { ($0.element, $0.offset) }.sorted { $0 < $1 }
        var found: [Run] = []
        let ta = a.tokens, tb = b.tokens
        for (i, h) in a.shingles.enumerated() {
            var lo = 0, hi = positionsInB.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if positionsInB[mid].0 < h { lo = mid + 1 } else { hi = mid }
            }
            for k in lo..<positionsInB.count {
                let (hash, j) = positionsInB[k]
                if hash != h { break }
                if i > 0, j > 0, ta[i - 1].hash == tb[j - 1].hash { continue }  // not a run's start
                var n = 0
                while i + n < ta.count, j + n < tb.count, ta[i + n].hash == tb[j + n].hash { n += 1 }
                if n >= minWords { found.append(Run(startA: i, startB: j, words: n)) }
            }
        }
        found.sort { ($0.words, -$0.startA) > ($1.words, -$1.startA) }
        var chosen: [Run] = []
        for run in found where !chosen.contains(where: { overlaps($0, run) }) {
            chosen.append(run)
        }
        return chosen
    }

    private func overlaps(_ x: Run, _ y: Run) -> Bool {
        let a = x.startA < y.startA + y.words && y.startA < x.startA + x.words
        let b = x.startB < y.startB + y.words && y.startB < x.startB + x.words
        return a || b
    }
}
