import CorpusGenerator
import Foundation
import Testing

/// The real-text corpus on bodies written for the test (long, with names, numbers and a
/// quotation each, and no run of 8 words repeated outside the quotation: background that
/// repeats itself is not lent), checked for what its truth promises.
struct RealTextCorpusTests {
    static let bodies: [String] = (0..<80).map { n in
        let town = ["Orsa", "Tarn", "Linden", "Calder", "Valmora", "Estrel", "Brisk", "Moravec"][n % 8]
        return (0..<8).map { p in
            "Story \(n) paragraph \(n * 8 + p): the council of \(town) met on day \(n * 7 + p) to weigh item \(n * 31 + p) of its agenda, "
                + "and members spoke \(n * 11 + p) times about budget line \(n * 13 + p), the harbour works numbered \(n * 17 + p), and "
                + "the ferry timetable that district \(n * 37 + p) had asked to change before season \(n * 23 + p). "
                + (p == 2 ? "\u{201C}We will not wait another year for plan \(n), not while crossing \(p) stands idle,\u{201D} a member said. "
                          : "Officials of ward \(n)-\(p) took notes and promised \(n * 19 + p) written answers by week \(n * 29 + p).")
        }.joined(separator: "\n")
    }

    func corpus(_ n: Int, seed: UInt64) -> [CorpusDocument] {
        var docs: [CorpusDocument] = []
        RealTextCorpus(bodies: Self.bodies, documents: n, seed: seed).generate { docs.append($0) }
        return docs
    }

    @Test func theSameSeedGivesTheSameCorpus() {
        #expect(corpus(400, seed: 3) == corpus(400, seed: 3))
        #expect(corpus(400, seed: 3) != corpus(400, seed: 4))
    }

    /// Bodies full of quotation marks (a transcript, a page of dialogue): each body's
    /// quotation is found once and in one pass, not searched again on every turn.
    @Test func bodiesFullOfQuotationsAreQuick() {
        let quoted = (0..<40).map { n in
            (0..<2_000).map { i in "\u{201C}Line \(i) of \(n),\u{201D} said one. \"And \(i)\" said another." }.joined(separator: " ")
        }
        let started = Date()
        var count = 0
        RealTextCorpus(bodies: quoted + Self.bodies, documents: 2_000, seed: 5).generate { _ in count += 1 }
        #expect(count == 2_000)
        #expect(Date().timeIntervalSince(started) < 30, "seconds, not minutes")
    }

    @Test func kindsKeepTheirPromises() throws {
        let docs = corpus(600, seed: 1)
        #expect(docs.count == 600)
        #expect(Set(docs.map(\.kind)) == ["original", "syndicated", "rewrite", "quote-sharing", "template", "singleton"])
        let byID = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, $0) })
        // Words as the judge compares them: a passage's last word gains a full stop in a rewrite.
        func words(_ text: String) -> [String] {
            text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        }
        func sharedRuns(_ a: String, _ b: String, atLeast n: Int) -> Int {
            let bText = " " + words(b).joined(separator: " ") + " "
            let w = words(a)
            var runs = 0, i = 0
            while i + n <= w.count {
                if bText.contains(" " + w[i..<(i + n)].joined(separator: " ") + " ") { runs += 1; i += n } else { i += 1 }
            }
            return runs
        }
        for doc in docs where doc.kind == "rewrite" {
            let original = try #require(byID[doc.cluster])
            #expect(original.kind == "original")
            #expect(sharedRuns(doc.text, original.text, atLeast: 8) >= 2, "a rewrite keeps verbatim passages")
        }
        for doc in docs where doc.kind == "syndicated" {
            let original = try #require(byID[doc.cluster])
            #expect(sharedRuns(doc.text, original.text, atLeast: 30) >= 1)
        }
        // Background is lent once: no paragraph stands in two documents of different stories,
        // except a syndicated copy's lines of boilerplate and a shared quotation's sentence.
        var owner: [String: String] = [:]
        for doc in docs where doc.kind != "template" {
            for paragraph in doc.text.components(separatedBy: "\n\n") where words(paragraph).count >= 12 && !paragraph.contains("\u{201C}") {
                if let other = owner[paragraph] { #expect(other == doc.cluster, "\(doc.id) borrows a paragraph of story \(other)") }
                owner[paragraph] = doc.cluster
            }
        }
        let templates = docs.filter { $0.kind == "template" }.map(\.text)
        #expect(Set(templates).count == templates.count, "each templated item has its own facts")
    }

    /// Labelled page sets hold one article twice (two cuts of one page): a body that repeats
    /// a long run of one before it is not used, so no two stories share their wording.
    @Test func aBodyGivenTwiceIsUsedOnce() {
        let cuts = Self.bodies.prefix(40).map { $0.split(separator: "\n").prefix(6).joined(separator: "\n") }
        var docs: [CorpusDocument] = []
        RealTextCorpus(bodies: Self.bodies + cuts, documents: 600, seed: 2).generate { docs.append($0) }
        let stories = docs.filter { $0.kind == "original" || $0.kind == "singleton" }
        // Each story's opening sentence names its body ("Story 7 paragraph 56: …").
        let openings = stories.map { $0.text.prefix(while: { $0 != ":" }) }
        #expect(Set(openings).count == openings.count)
    }
}
