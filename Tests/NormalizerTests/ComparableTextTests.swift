@testable import Normalizer
import Testing

/// The shingle table that comparisons look another text's shingles up in.
struct ComparableTextTests {
    @Test func theTableFindsEveryShingleFirstThenInOrderWithItsCount() {
        let words = "the cat sat on the mat and the cat sat on the mat again while the dog slept"
        for text in [AnalyzedText(words, shingleWords: 2), AnalyzedText(words, shingleWords: 1), AnalyzedText("one", shingleWords: 5),
                     AnalyzedText((0..<3_000).map { "w\($0 % 700)" }.joined(separator: " "), shingleWords: 3)] {
            let table = ComparableText(text, winnowWindow: 4).shingleTable
            #expect(table.distinct == Set(text.shingles).count)
            table.withLookup { lookup in
                for (p, h) in text.shingles.enumerated() {
                    let positions = text.shingles.indices.filter { text.shingles[$0] == h }
                    #expect(lookup.first(of: h) == positions[0])
                    let next = positions.firstIndex(of: p).map { $0 + 1 < positions.count ? positions[$0 + 1] : -1 }!
                    #expect(Int(table.next[p]) == next)
                    #expect(Int(table.occurrences[p] & ShingleTable.countCap) == min(positions.count, Int(ShingleTable.countCap)))
                    #expect((table.occurrences[p] & ShingleTable.firstFlag != 0) == (p == positions[0]))
                }
                #expect(lookup.first(of: 12345) == -1)
            }
        }
    }
}
