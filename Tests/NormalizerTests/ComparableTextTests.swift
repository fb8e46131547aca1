import Normalizer
import Testing

/// The sorted shingle list that comparisons merge over.
struct ComparableTextTests {
    @Test func shinglesAreOrderedByHashThenPositionWithRepeatsKept() {
        let text = AnalyzedText("the cat sat on the mat and the cat sat on the mat again while the dog slept", shingleWords: 2)
        let prepared = ComparableText(text, winnowWindow: 4)
        let expected = text.shingles.enumerated().map { ($0.element, Int32($0.offset)) }.sorted { $0 < $1 }
        #expect(prepared.sortedShingles.map(\.hash) == expected.map(\.0))
        #expect(prepared.sortedShingles.map(\.position) == expected.map(\.1))
        #expect(prepared.distinctShingles == Set(text.shingles).count)
    }
}
