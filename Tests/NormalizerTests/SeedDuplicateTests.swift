import Foundation
import Normalizer
import Testing

@Suite(.enabled(if: SharedSeeds.available, "needs ../shared/corpus/seeds"))
struct SeedDuplicateTests {
    let settings = DuplicateSettings()

    func analyzed() throws -> [(String, AnalyzedText)] {
        let normalizer = Normalizer()
        return try SharedSeeds.files().map { url in
            let article = normalizer.article(plainText: try String(contentsOf: url, encoding: .utf8))
            return (url.lastPathComponent, AnalyzedText(article.text, shingleWords: settings.shingleWords))
        }
    }

    @Test func onlyTheSochiPairIsRelatedAndAsSharedWirePassages() throws {
        let docs = try analyzed()
        let judge = DuplicateJudge(settings: settings)
        for i in docs.indices {
            for j in docs.indices where j > i {
                let e = judge.compare(docs[i].1, docs[j].1)
                let sochi = docs[i].0.hasPrefix("001") && docs[j].0.hasPrefix("003")
                #expect(e.kind == (sochi ? .sharedWirePassages : nil), "\(docs[i].0) ~ \(docs[j].0)")
                if sochi {
                    #expect(e.jaccard < 0.05, "the pair is far below any MinHash threshold")
                    #expect(e.wirePassages.contains { $0.text.contains("support opposing camps in the civil war") })
                }
            }
        }
    }
}
