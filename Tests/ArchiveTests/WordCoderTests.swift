@testable import Archive
import Foundation
import Testing

/// The word-coding transform is lossless on any bytes, shrinks text of known words, and
/// refuses coded bytes it could not have written.
struct WordCoderTests {
    static let vocabulary = ["the", "harbour", "board", "said", "a", "şehir", "berths"] + (0..<300).map { "word\($0)" }
    let coder = WordCoder(vocabulary: Self.vocabulary.map { Data($0.utf8) })

    private func roundTrip(_ text: Data) throws -> Data {
        let coded = coder.encode(text)
        #expect(coded.count <= 3 * text.count, "at most 3 coded bytes a text byte")
        return try coder.decode(coded, size: text.count)
    }

    @Test(arguments: [
        "", " ", "the", "The harbour board said", "THE Harbour bOard", "the  harbour\n\nboard.", "  the board  ",
        "Şehir şehir şehirde the", "word299 word300 Word12", "a\u{0}the\u{1}board\u{1}", "\u{1}\u{0}", "x the y",
        "the,board;said:a", "naïve café the", "word7-word8 word9", String(repeating: "ü", count: 700) + " the",
    ])
    func anyTextRoundTrips(text: String) throws {
        #expect(try roundTrip(Data(text.utf8)) == Data(text.utf8))
    }

    @Test func randomBytesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("the harbour board said a şehir berths word1 word299 Berths X\u{0}\u{1}\n.,ü".utf8)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<200, using: &generator)
            let mixed = (0..<count).map { _ in Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator) }
            let text = Data(mixed)
            #expect(try roundTrip(text) == text)
        }
    }

    @Test func knownWordsShrinkAndSpacesBetweenThemAreImplied() {
        let text = Data("The harbour board said the berths".utf8)
        let coded = coder.encode(text)
        // "The" is a capital mark and a code; the five others a code each; no spaces.
        #expect(coded.count == 7, "\(Array(coded))")
    }

    @Test func aVocabularyIsTheSamplesWordsMostFrequentFirst() {
        let vocabulary = WordCoder.vocabulary(of: ["The board said the board", "the Harbour"].map { Data($0.utf8) })
        #expect(vocabulary.map { String(decoding: $0, as: UTF8.self) } == ["the", "board", "harbour", "said"])
    }

    @Test(arguments: [
        ([0x9F] as [UInt8], "a code past the vocabulary"), ([0x00], "an escape without its length"),
        ([0x00, 0x05, 0x61], "an escape cut short"), ([0x00, 0x00], "an empty escape"),
        ([0x01, 0x61], "a capital mark before a literal"), ([0xA0], "a two-byte code cut short"),
        ([0xFF, 0xFF], "a two-byte code past the vocabulary"),
    ])
    func codedBytesItCouldNotHaveWrittenAreErrors(coded: [UInt8], what: String) {
        #expect(throws: ArchiveError.self, "\(what)") { try coder.decode(Data(coded), size: 10) }
    }

    @Test func aSizeThatDoesNotMatchIsAnError() {
        let coded = coder.encode(Data("the harbour board".utf8))
        #expect(throws: ArchiveError.self) { try coder.decode(coded, size: 16) }
        #expect(throws: ArchiveError.self) { try coder.decode(coded, size: 18) }
    }
}
