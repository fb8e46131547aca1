import Foundation
import Normalizer
import Testing
import TestSupport

@Suite(.enabled(if: TestPaths.seedsAvailable, "needs ../shared/corpus/seeds"))
struct SeedBoilerplateTests {
    /// Every labelled boilerplate line goes; every other line of every seed stays.
    @Test func labelledLinesGoAndArticleLinesStay() throws {
        let labels = try SeedFiles.boilerplateLines()
        let normalizer = Normalizer()
        for url in try SeedFiles.all() {
            let raw = try String(contentsOf: url, encoding: .utf8)
            let kept = Set(normalizer.article(plainText: raw).paragraphs)
            let boilerplate = Set((labels[url.lastPathComponent] ?? []).map(TextNormalizer.paragraph))
            for line in TextNormalizer.paragraphs(raw) {
                if boilerplate.contains(line) {
                    #expect(!kept.contains(line), "\(url.lastPathComponent): boilerplate kept: \(line)")
                } else {
                    #expect(kept.contains(line), "\(url.lastPathComponent): article line lost: \(line.prefix(80))")
                }
            }
        }
    }
}
