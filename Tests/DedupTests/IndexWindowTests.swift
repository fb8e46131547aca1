import Dedup
import Foundation
import Normalizer
import Testing

/// The time window (`dedup.window_days`) through the engine `ingestd dedup` runs: what it
/// finds, what it no longer finds, and what it holds in memory. (That every store decides a
/// windowed stream alike is `StoreContractTests`'.)
struct IndexWindowTests {
    /// Stories of random words (no two share a phrase), so only copies relate.
    final class Texts {
        var all: [String] = []
        private var state: UInt64 = 0x5EED

        func story() -> String {
            (0..<4).map { _ in
                (0..<60).map { _ in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    return "w\(state >> 40)"
                }.joined(separator: " ") + "."
            }.joined(separator: "\n\n")
        }

        func engine(days: Double, seen: Date) -> StreamDeduplicator {
            var settings = DuplicateSettings()
            settings.windowDays = days
            return StreamDeduplicator(settings: settings, seen: seen) { [unowned self] in all[Int($0 - 1)] }
        }

        func add(_ text: String, at published: Date?, to engine: StreamDeduplicator) throws -> StreamDeduplicator.Decision {
            let decision = try engine.add(text, published: published)
            if decision.relation != "exact" { all.append(text) }
            return decision
        }
    }

    static let day = 86_400.0
    static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    @Test func aCopyWithinTheWindowIsFoundAndOneAfterTwoWindowsIsNot() throws {
        let texts = Texts()
        let engine = texts.engine(days: 2, seen: Self.start.addingTimeInterval(100 * Self.day))
        let story = texts.story()
        let original = try texts.add(story, at: Self.start, to: engine)
        let soon = try texts.add(story + "\n\nShare this story.", at: Self.start.addingTimeInterval(1.5 * Self.day), to: engine)
        #expect(soon.clusterID == original.clusterID && soon.relation == "syndicated")
        // Unrelated news moves the clock on, past two windows.
        for day in 2..<7 { _ = try texts.add(texts.story(), at: Self.start.addingTimeInterval(Double(day) * Self.day), to: engine) }
        let late = try texts.add(story + "\n\nRead more.", at: Self.start.addingTimeInterval(6.5 * Self.day), to: engine)
        #expect(late.clusterID != original.clusterID && late.relation == "canonical", "the story begins a new cluster")
        // A copy of the story as it was re-published later is found again.
        let again = try texts.add(story + "\n\nRead more today.", at: Self.start.addingTimeInterval(6.6 * Self.day), to: engine)
        #expect(again.clusterID == late.clusterID)
        // An exact copy is found at any age.
        #expect(try texts.add(story, at: nil, to: engine).documentID == original.documentID)
    }

    @Test func aDocumentDatedBeforeTheWindowIsStillIndexedAndFound() throws {
        let texts = Texts()
        let engine = texts.engine(days: 1, seen: Self.start.addingTimeInterval(100 * Self.day))
        for day in 0..<5 { _ = try texts.add(texts.story(), at: Self.start.addingTimeInterval(Double(day) * Self.day), to: engine) }
        let old = texts.story()
        let first = try texts.add(old, at: Self.start, to: engine)
        let copy = try texts.add(old + "\n\nShare this story.", at: Self.start.addingTimeInterval(Self.day), to: engine)
        #expect(copy.clusterID == first.clusterID, "a late-arriving old story meets its copy arriving with it")
    }

    @Test func undatedTextsCountAsSeenWhenTheRunStarted() throws {
        let texts = Texts()
        let engine = texts.engine(days: 1, seen: Self.start.addingTimeInterval(10 * Self.day))
        let story = texts.story()
        let original = try texts.add(story, at: nil, to: engine)
        // Dated long before the run, it is still in the window the undated text opened.
        let copy = try texts.add(story + "\n\nShare this story.", at: Self.start, to: engine)
        #expect(copy.clusterID == original.clusterID)
    }

    /// Thirty days of news, a hundred stories a day, each copied once within the day: with a
    /// two-day window the index holds about two windows' postings, without one all of them;
    /// both find every copy.
    @Test func theWindowBoundsTheIndexAndStillFindsEveryCopy() throws {
        var bytes: [Double: [Int]] = [:]
        for days in [0.0, 2] {
            let texts = Texts()
            let engine = texts.engine(days: days, seen: Self.start.addingTimeInterval(100 * Self.day))
            for day in 0..<30 {
                for story in 0..<100 {
                    let at = Self.start.addingTimeInterval(Double(day) * Self.day + Double(story) * 600)
                    let text = texts.story()
                    let original = try texts.add(text, at: at, to: engine)
                    let copy = try texts.add(text + "\n\nShare this story.", at: at.addingTimeInterval(3_600), to: engine)
                    #expect(copy.clusterID == original.clusterID)
                }
                if day == 9 || day == 29 { bytes[days, default: []].append(engine.index.indexBytes) }
            }
        }
        let windowed = try #require(bytes[2]), unbounded = try #require(bytes[0])
        #expect(Double(windowed[1]) < 1.25 * Double(windowed[0]), "windowed: \(windowed), grows only by its per-document arrays")
        #expect(Double(unbounded[1]) > 2 * Double(unbounded[0]), "unbounded: \(unbounded)")
        #expect(windowed[1] * 3 < unbounded[1])
    }
}
