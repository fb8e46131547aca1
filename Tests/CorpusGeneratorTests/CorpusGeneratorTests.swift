import CorpusGenerator
import Testing

struct CorpusGeneratorTests {
    private func corpus(_ n: Int, seed: UInt64) -> [CorpusDocument] {
        var docs: [CorpusDocument] = []
        CorpusGenerator(documents: n, seed: seed).generate { docs.append($0) }
        return docs
    }

    @Test func theSameSeedGivesTheSameCorpus() {
        #expect(corpus(300, seed: 7) == corpus(300, seed: 7))
        #expect(corpus(300, seed: 7) != corpus(300, seed: 8))
    }

    @Test func everyKindAppearsAndCopiesFollowTheirOriginal() {
        let docs = corpus(3_000, seed: 1)
        #expect(docs.count == 3_000)
        #expect(Set(docs.map(\.kind)) == ["original", "syndicated", "rewrite", "quote-sharing", "same-event", "template", "singleton"])
        let position = Dictionary(uniqueKeysWithValues: docs.enumerated().map { ($1.id, $0) })
        for doc in docs where doc.kind == "syndicated" || doc.kind == "rewrite" {
            #expect(position[doc.cluster]! < position[doc.id]!)
        }
        for doc in docs where !["syndicated", "rewrite"].contains(doc.kind) {
            #expect(doc.cluster == doc.id)
        }
    }
}
