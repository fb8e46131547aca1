import Normalizer
import Testing

/// `HostTemplate` never takes an article's own sentences: long paragraphs are never template,
/// and an article that would lose more than half its words is left whole.
struct HostTemplateGuardTests {
    let footer = "Tips and corrections go to the news desk at the harbour office."
    let story = [
        "The ferry between Orsa and Tarn returns in June after two years, the operator said on Monday morning.",
        "Tickets go on sale next week, and the first crossing leaves Orsa at eleven in the evening.",
    ]

    @Test func templateParagraphsGoAndTheStoryStays() {
        let template = HostTemplate(blockHashes: [HostTemplate.blockHash(footer)], maxWords: 30)
        let cleaned = template.removing(from: Article(paragraphs: story + [footer]))
        #expect(cleaned.paragraphs == story)
    }

    @Test func longParagraphsAreNeverTemplate() {
        let long = Array(repeating: story[0], count: 3).joined(separator: " ")
        let template = HostTemplate(blockHashes: [HostTemplate.blockHash(long)], maxWords: 30)
        #expect(template.removing(from: Article(paragraphs: [long, footer])).paragraphs == [long, footer])
        #expect(HostTemplate.candidateBlocks(of: Article(paragraphs: [long, footer]), maxWords: 30) == [HostTemplate.blockHash(footer)])
    }

    @Test func anArticleMostlyMadeOfKnownLinesIsLeftWhole() {
        let template = HostTemplate(blockHashes: Set(story.map(HostTemplate.blockHash)), maxWords: 30)
        let article = Article(paragraphs: story + [footer])
        #expect(template.removing(from: article) == article)
    }
}
