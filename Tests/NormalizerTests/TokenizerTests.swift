import Normalizer
import Testing

struct TokenizerTests {
    private func quotedWords(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return Tokenizer.tokens(text).filter(\.quoted).map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test(arguments: [
        ("He said “we will stay” and left.", ["we", "will", "stay"]),
        ("He said \"we will stay\" and left.", ["we", "will", "stay"]),
        ("Il a dit «nous restons» puis est parti.", ["nous", "restons"]),
        ("Er sagte „wir bleiben“ und ging.", ["wir", "bleiben"]),
        ("Er sagte „wir bleiben” und ging.", ["wir", "bleiben"]),
        ("Han sa »vi blir« och gick.", ["vi", "blir"]),
    ])
    func quotationMarksOfEveryStyle(text: String, quoted: [String]) {
        #expect(quotedWords(text) == quoted)
    }

    @Test func apostrophesAreNotQuotes() {
        #expect(quotedWords("The US’s reply came on Turkey’s day.").isEmpty)
    }

    @Test func anUnclosedQuoteEndsWithItsParagraph() {
        #expect(quotedWords("“We will stay,\nsaid nobody") == ["We", "will", "stay"])
    }

    @Test func wordsAreLowercasedAndSplitOnPunctuation() {
        let a = Tokenizer.tokens("In Syria- where Moscow"), b = Tokenizer.tokens("in syria where moscow")
        #expect(a.map(\.hash) == b.map(\.hash))
        #expect(Tokenizer.tokens("İstanbul İSTANBUL").count == 2)
    }
}
