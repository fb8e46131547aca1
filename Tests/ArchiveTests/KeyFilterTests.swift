@testable import Archive
import Foundation
import GRDB
import Testing

/// The bulk import's key filter: it may only ever skip lookups of keys no document has,
/// in its own session's writes and in another connection's.
struct KeyFilterTests {
    private func add(_ session: WriteSession, _ source: Int64, _ name: String, bands: [UInt64], passages: [UInt64]) throws {
        try session.record(Ingest(sourceID: source, entryKey: name, url: name,
                                  capture: ArchiveFixtures.capture(name, body: "<p>\(name)</p>"),
                                  content: .new(ArchiveFixtures.document(name, bands: bands, passages: passages),
                                                relations: [], cluster: .ownCluster)))
    }

    @Test func noKeyIsEverMissedAndFewAbsentOnesPassAsTheFilterGrows() {
        let filter = KeyFilter(expectedKeys: 50_000)
        var random = SystemRandomNumberGenerator()
        let keys = (0..<200_000).map { _ in random.next() as UInt64 }
        keys.forEach(filter.insert)
        #expect(keys.allSatisfy(filter.mayHold), "four times the first block's keys: two more blocks")
        let passed = (0..<100_000).count { _ in filter.mayHold(random.next()) }
        #expect(passed < 5_000, "\(passed) of 100,000 absent keys passed")
    }

    /// The texts of the candidates a session finds for these keys.
    private func found(_ session: WriteSession, bands: [UInt64] = [], passages: [UInt64] = [], min: Int = 2) throws -> [String] {
        try session.candidates(bandKeys: bands, passageHashes: passages, common: [], minSharedPassages: min, bucketLimit: 64)
            .map { try $0.text() }
    }

    @Test func keysWrittenBeforeAndDuringTheFilterAreFound() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "old", content: .new(
            ArchiveFixtures.document("old", bands: [100, 200], passages: [1, 2, 3]), relations: [], cluster: .ownCluster))
        let filter = try #require(try store.keyFilter(forAbout: 10))
        let first = try store.inTransaction(keyFilter: filter) { session in
            try add(session, source, "new", bands: [300, 400], passages: [4, 5, 6])
            return [try found(session, bands: [999, 200]), try found(session, passages: [5, 6]),
                    try found(session, bands: [7, 8], passages: [7, 8], min: 1)]
        }
        #expect(first == [["old"], ["new"], []])
        // The filter carries over to the next transaction with what the last one wrote.
        #expect(try store.inTransaction(keyFilter: filter) { try found($0, bands: [999, 400]) } == ["new"])
    }

    @Test func aCommitByAnotherConnectionFillsTheFilterAgain() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let filter = try #require(try store.keyFilter(forAbout: 10))
        try store.inTransaction(keyFilter: filter) { session in
            try add(session, source, "mine", bands: [1], passages: [11, 12])
        }
        // Another process (here another store on the same file) archives a document.
        let other = try ArchiveStore(path: store.path)
        _ = try ArchiveFixtures.ingest(other, source: source, url: "theirs", content: .new(
            ArchiveFixtures.document("theirs", bands: [2], passages: [21, 22]), relations: [], cluster: .ownCluster))
        let (texts, common) = try store.inTransaction(keyFilter: filter) { session in
            (try found(session, bands: [2], passages: [21, 22]), try session.commonPassages([21, 22], clusterLimit: 0))
        }
        #expect(texts == ["theirs"])
        #expect(common == [21, 22])
    }

    /// At a million documents filling the filter takes tens of seconds: it is done before
    /// the write lock, so another process writing meanwhile neither waits nor is missed.
    @Test func theFilterIsFilledWhileAnotherProcessHoldsTheWriteLock() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "old", content: .new(
            ArchiveFixtures.document("old", bands: [100], passages: [1, 2]), relations: [], cluster: .ownCluster))
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // the other process's transaction stays open across calls
        let other = try DatabaseQueue(path: store.path, configuration: config)
        try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let filter = try #require(try store.keyFilter(forAbout: 10))
        #expect(filter.mayHold(KeyFilter.band(0, 100)) && filter.mayHold(1) && filter.mayHold(2))
        try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
        // A commit between the fill and the first transaction is still seen.
        _ = try ArchiveFixtures.ingest(try ArchiveStore(path: store.path), source: source, url: "theirs", content: .new(
            ArchiveFixtures.document("theirs", bands: [7], passages: [71, 72]), relations: [], cluster: .ownCluster))
        #expect(try store.inTransaction(keyFilter: filter) { try found($0, bands: [7]) } == ["theirs"])
    }

    @Test func aSmallWriteIntoALargeArchiveGoesWithoutAFilter() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        for i in 0..<60 {
            _ = try ArchiveFixtures.ingest(store, source: source, url: "d\(i)", content: .new(
                ArchiveFixtures.document("d\(i)", bands: [UInt64(i)], passages: [UInt64(1_000 + i)]), relations: [],
                cluster: .ownCluster))
        }
        #expect(try store.keyFilter(forAbout: 1) == nil, "filling it would cost more than it saves")
        #expect(try store.keyFilter(forAbout: 2) != nil)
    }
}
