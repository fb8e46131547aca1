@testable import Normalizer
import Testing

struct WordDiffTests {
    private func words(_ text: AnalyzedText, _ range: Range<Int>) -> String { text.excerpt(range) }

    /// The runs as "=kept" "-cut" "+added" strings, in order.
    private func describe(_ original: String, _ copy: String) -> [String]? {
        let a = AnalyzedText(original, shingleWords: 1), b = AnalyzedText(copy, shingleWords: 1)
        return WordDiff(a, b)?.runs.map { run in
            switch run.kind {
            case .same: "=" + words(a, run.original)
            case .cut: "-" + words(a, run.original)
            case .added: "+" + words(b, run.copy)
            }
        }
    }

    @Test func aRepublishedStoryShowsTheCutIntroAndTheAddedBoilerplate() {
        let original = "Dock workers in Valmora ended their strike on Tuesday. The port reopens at dawn. Ships queue outside."
        let copy = "The port reopens at dawn. Ships queue outside. Subscribe to our newsletter."
        #expect(describe(original, copy) == [
            "-Dock workers in Valmora ended their strike on Tuesday", "=The port reopens at dawn. Ships queue outside",
            "+Subscribe to our newsletter",
        ])
    }

    @Test func aChangedWordInTheMiddleIsOneCutAndOneAddition() {
        #expect(describe("the union accepted an 11 percent rise", "the union accepted a 12 percent rise") == [
            "=the union accepted", "-an 11", "+a 12", "=percent rise",
        ])
    }

    @Test func caseAndPunctuationAreNotEdits() {
        #expect(describe("The port, reopened.", "the port reopened") == ["=The port, reopened"])
    }

    @Test func runsCoverBothTextsInOrder() {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = (0..<12).map { "w\($0)" }
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                if !b.isEmpty, Bool.random(using: &generator) { b.remove(at: Int.random(in: 0..<b.count, using: &generator)) }
                else { b.insert(vocabulary.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator)) }
            }
            let ta = AnalyzedText(a.joined(separator: " "), shingleWords: 1), tb = AnalyzedText(b.joined(separator: " "), shingleWords: 1)
            let diff = try! #require(WordDiff(ta, tb))
            var i = 0, j = 0
            for run in diff.runs {
                #expect(run.original.lowerBound == i && run.copy.lowerBound == j)
                if run.kind == .same { #expect(ta.tokens[run.original].map(\.hash) == tb.tokens[run.copy].map(\.hash)) }
                i = run.original.upperBound; j = run.copy.upperBound
            }
            #expect(i == ta.tokens.count && j == tb.tokens.count)
            #expect(zip(diff.runs, diff.runs.dropFirst()).allSatisfy { $0.kind != $1.kind })
            // At most the edits made: the diff is a shortest one.
            #expect(diff.edits.cut + diff.edits.added <= 2 * 8)
        }
    }

    @Test func unrelatedLongTextsAreNotDiffed() {
        let a = AnalyzedText((0..<3_000).map { "a\($0)" }.joined(separator: " "), shingleWords: 1)
        let b = AnalyzedText((0..<3_000).map { "b\($0)" }.joined(separator: " "), shingleWords: 1)
        #expect(WordDiff(a, b) == nil)
    }
}
