/// What a republisher changed: the word-level difference between an original and a copy,
/// as runs of words kept, cut (only in the original) and added (only in the copy).
///
/// Guarantees: words compare as the tokenizer reads them (case and punctuation aside); the
/// runs cover every token of both texts once, in order, and no two neighbouring runs have
/// the same kind; the edit is a shortest one (Myers' algorithm). Texts that differ by more
/// than `maxEdits` words give nil instead: the work grows with the product of length and
/// edits, and such a pair is no copy worth a diff.
public struct WordDiff: Sendable {
    public enum Kind: String, Sendable, Encodable { case same, cut, added }

    /// One run: tokens `original` of the original and `copy` of the copy (one of them
    /// empty unless the run is `same`).
    public struct Run: Sendable, Equatable {
        public var kind: Kind
        public var original: Range<Int>
        public var copy: Range<Int>
    }

    public let runs: [Run]

    public static let maxEdits = 2_000

    public init?(_ original: AnalyzedText, _ copy: AnalyzedText) {
        guard let runs = Self.runs(original.tokens.map(\.hash), copy.tokens.map(\.hash)) else { return nil }
        self.runs = runs
    }

    /// Words cut and added in all.
    public var edits: (cut: Int, added: Int) {
        runs.reduce(into: (0, 0)) { sum, run in
            if run.kind == .cut { sum.0 += run.original.count } else if run.kind == .added { sum.1 += run.copy.count }
        }
    }

    static func runs(_ a: [UInt64], _ b: [UInt64]) -> [Run]? {
        // The common head and tail need no search, and are most of a copy.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        guard let middle = middleEdits(Array(a[head..<(a.count - tail)]), Array(b[head..<(b.count - tail)])) else { return nil }
        var runs: [Run] = []
        func append(_ kind: Kind, _ i: Int, _ j: Int, _ di: Int, _ dj: Int) {
            guard di + dj > 0 else { return }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].original = last.original.lowerBound ..< i + di
                runs[runs.count - 1].copy = last.copy.lowerBound ..< j + dj
            } else {
                runs.append(Run(kind: kind, original: i ..< i + di, copy: j ..< j + dj))
            }
        }
        append(.same, 0, 0, head, head)
        var i = head, j = head
        for step in middle {
            switch step {
            case .same: append(.same, i, j, 1, 1); i += 1; j += 1
            case .cut: append(.cut, i, j, 1, 0); i += 1
            case .added: append(.added, i, j, 0, 1); j += 1
            }
        }
        append(.same, i, j, tail, tail)
        return runs
    }

    /// The shortest edit from `a` to `b`, one step a word, or nil past `maxEdits`. Myers'
    /// greedy search, keeping each round's furthest reaches to walk the path back.
    private static func middleEdits(_ a: [UInt64], _ b: [UInt64]) -> [Kind]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return Array(repeating: .cut, count: n) + Array(repeating: .added, count: m) }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var reach = [Int](repeating: 0, count: 2 * limit + 3)
        // Round d reads only diagonals -d...d of the reaches before it: those are kept.
        var rounds: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            rounds.append(Array(reach[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && reach[offset + k - 1] < reach[offset + k + 1])
                    ? reach[offset + k + 1] : reach[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                reach[offset + k] = x
                if x >= n, y >= m { found = true; break search }
            }
        }
        guard found else { return nil }
        // Back from (n, m): round d was entered with `rounds[d]`, the reaches after round
        // d - 1 on diagonals -d...d, diagonal k at index k + d.
        var steps: [Kind] = []
        var x = n, y = m
        for d in stride(from: rounds.count - 1, through: 0, by: -1) {
            let before = rounds[d], k = x - y
            if d == 0 {
                steps.append(contentsOf: repeatElement(.same, count: x))
                break
            }
            let down = k == -d || (k != d && before[k - 1 + d] < before[k + 1 + d])
            let previousK = down ? k + 1 : k - 1
            let previousX = before[previousK + d], previousY = previousX - previousK
            let startX = down ? previousX : previousX + 1
            steps.append(contentsOf: repeatElement(.same, count: x - startX))
            steps.append(down ? .added : .cut)
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }
}
