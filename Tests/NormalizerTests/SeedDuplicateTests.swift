import Foundation
import Normalizer
import Testing
import TestSupport

@Suite(.enabled(if: TestPaths.seedsAvailable, "needs ../shared/corpus/seeds"))
struct SeedDuplicateTests {
    let settings = DuplicateSettings()

    func analyzed() throws -> [(String, AnalyzedText)] {
        let normalizer = Normalizer()
        return try SeedFiles.all().map { url in
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
                    #expect(e.wirePassages.count >= 2)
                    #expect(e.wirePassages.allSatisfy { $0.words >= settings.passageMinWords })
                }
            }
        }
    }
}

/// The seed files and their labels, read from ../shared at test time (never copied).
enum SeedFiles {
    static func all() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: TestPaths.seeds, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// `boilerplate_lines` of labels.json, by file name.
    static func boilerplateLines() throws -> [String: [String]] {
        let data = try Data(contentsOf: TestPaths.seeds.appendingPathComponent("labels.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["boilerplate_lines"] as? [String: [String]] ?? [:]
    }
}
