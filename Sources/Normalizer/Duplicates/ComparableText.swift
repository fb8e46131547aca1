/// An analyzed text prepared for exact comparison with others, built only for texts that
/// have candidates (most texts have none and never pay for it).
///
/// Guarantees: `sortedShingles` holds every shingle with its position, ordered by hash
/// then position, so shared shingles and shared runs are found by merging and binary
/// search, without hashing; `distinctShingles` counts distinct hashes; `numbers` and
/// `names` are the distinct hashes of the text's facts, ascending; `winnowed` are the
/// text's winnowed fingerprints with their positions.
public struct ComparableText: Sendable {
    public struct PositionedShingle: Sendable {
        public var hash: UInt64
        public var position: Int32
    }

    public let analyzed: AnalyzedText
    public let sortedShingles: [PositionedShingle]
    public let distinctShingles: Int
    public let numbers: [UInt64]
    public let names: [UInt64]
    public let winnowed: [Winnowing.Fingerprint]

    public init(_ analyzed: AnalyzedText, winnowWindow: Int) {
        self.analyzed = analyzed
        var sorted = analyzed.shingles.enumerated().map { PositionedShingle(hash: $0.element, position: Int32($0.offset)) }
        sorted.sort { ($0.hash, $0.position) < ($1.hash, $1.position) }
        sortedShingles = sorted
        var distinct = 0
        for i in sorted.indices where i == 0 || sorted[i].hash != sorted[i - 1].hash { distinct += 1 }
        distinctShingles = distinct
        numbers = analyzed.factHashes(.number)
        names = analyzed.factHashes(.name)
        winnowed = Winnowing.fingerprints(analyzed.shingles, window: winnowWindow)
    }

    /// How many distinct shingles two texts share (a merge of the sorted lists).
    public func sharedShingles(with other: ComparableText) -> Int {
        let a = sortedShingles, b = other.sortedShingles
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            let x = a[i].hash, y = b[j].hash
            if x == y {
                shared += 1
                while i < a.count && a[i].hash == x { i += 1 }
                while j < b.count && b[j].hash == y { j += 1 }
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}
