@testable import Archive
import Foundation
import GRDB
import Testing

/// The filters in front of the index segments (`SegmentFilters`): they may only ever
/// skip lookups of keys a segment lacks, whoever wrote the segment and whatever was rolled back.
struct SegmentFilterTests {
    private func add(_ session: WriteSession, _ source: Int64, _ name: String, bands: [UInt64], passages: [UInt64]) throws {
        try session.record(Ingest(sourceID: source, entryKey: name, url: name,
                                  capture: ArchiveFixtures.capture(name, body: "<p>\(name)</p>"),
                                  content: .new(ArchiveFixtures.document(name, bands: bands, passages: passages),
                                                relations: [], cluster: .ownCluster)))
    }

    /// The texts of the candidates found for these keys.
    private func found(_ index: some PostingSource, bands: [UInt64] = [], passages: [UInt64] = [], min: Int = 2) throws -> [String] {
        try index.found(bands: bands, passages: passages, min: min).map { try $0.text() }
    }

    @Test func noKeyIsEverMissedAndFewAbsentOnesPass() throws {
        var filter = BloomFilter(expectedKeys: 50_000)
        var random = SystemRandomNumberGenerator()
        // Index keys: 32 bits.
        let keys = (0..<50_000).map { _ in UInt64(random.next() as UInt32) }
        for key in keys { filter.insert(key) }
        #expect(keys.allSatisfy(filter.mayHold))
        let passed = (0..<100_000).count { _ in filter.mayHold(UInt64(random.next() as UInt32)) }
        #expect(passed < 3_000, "\(passed) of 100,000 absent keys passed")
        let stored = try #require(BloomFilter(encoded: filter.encoded))
        #expect(stored.words == filter.words && keys.allSatisfy(stored.mayHold))
        #expect(BloomFilter(encoded: Data([1, 2, 3])) == nil && BloomFilter(encoded: Data()) == nil)
        #expect(BloomFilter(expectedKeys: 0).mayHold(7) == false)
    }

    /// A segment of a few hundred thousand keys gets fuse filters: every key passes under
    /// its kind, about 1 in 256 absent ones do, at under 10 bits a key, and the stored bytes
    /// read back the same filter.
    @Test func fuseFiltersHoldEveryKeyAndPassFewAbsentOnes() throws {
        var random = SystemRandomNumberGenerator()
        let count = SegmentFilterBuilder.fuseMinimumKeys + 40_000
        let keys = IndexKind.allCases.map { _ in (0..<count / 2).map { _ in UInt64(random.next() as UInt32) }.sorted() }
        var builder = SegmentFilterBuilder(expectedKeys: count)
        for kind in IndexKind.allCases {
            // Copies of a story share keys: repeats come one after another.
            for key in keys[kind.rawValue] { builder.insert(key, kind); builder.insert(key, kind) }
        }
        let filter = builder.finish()
        guard case .fuse = filter else { Issue.record("a Bloom filter for \(count) keys"); return }
        for kind in IndexKind.allCases { #expect(keys[kind.rawValue].allSatisfy { filter.mayHold(kind, $0) }) }
        let passed = (0..<200_000).count { _ in filter.mayHold(.passage, UInt64(random.next() as UInt32)) }
        #expect(passed < 1_200, "\(passed) of 200,000 absent keys passed")
        let data = filter.encoded
        #expect(data.count % 8 == 4 && Double(data.count * 8) / Double(count) < 10, "\(data.count) bytes")
        let stored = try #require(SegmentFilter(encoded: data))
        #expect(stored.encoded == data && keys[1].allSatisfy { stored.mayHold(.passage, $0) })
        #expect(SegmentFilter(encoded: data.dropLast(8)) == nil && SegmentFilter(encoded: Data("FUS2".utf8)) == nil)
        // A run of one key holds it.
        #expect(FuseFilter(keys: [42]).mayHold(42))
    }

    @Test func keysWrittenBeforeAndDuringATransactionAreFound() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "old", content: .new(
            ArchiveFixtures.document("old", bands: [100, 200], passages: [1, 2, 3]), relations: [], cluster: .ownCluster))
        let first = try store.inTransaction { session in
            try add(session, source, "new", bands: [300, 400], passages: [4, 5, 6])
            return [try found(session, bands: [999, 200]), try found(session, passages: [5, 6]),
                    try found(session, bands: [7, 8], passages: [7, 8], min: 1)]
        }
        #expect(first == [["old"], ["new"], []])
        #expect(try found(store, bands: [999, 400]) == ["new"])
    }

    @Test func aSegmentWrittenByAnotherConnectionIsSeen() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        try store.inTransaction { session in try add(session, source, "mine", bands: [1], passages: [11, 12]) }
        #expect(try found(store, bands: [1]) == ["mine"], "the filters are read and kept")
        // Another process (here another store on the same file) archives a document.
        let other = try ArchiveStore(path: store.path)
        _ = try ArchiveFixtures.ingest(other, source: source, url: "theirs", content: .new(
            ArchiveFixtures.document("theirs", bands: [2], passages: [21, 22]), relations: [], cluster: .ownCluster))
        let texts = try store.inTransaction { session in try found(session, bands: [2], passages: [21, 22]) }
        #expect(texts == ["theirs"])
    }

    /// A rolled-back transaction gives its segment id back; the next segment with that id
    /// has other keys, and the filter kept for the first must not answer for it.
    @Test func aRolledBackSegmentsFilterNeverAnswersForTheNextWithItsID() throws {
        let store = try ArchiveFixtures.store()
        let queue = try DatabaseQueue(path: store.path)
        struct Rollback: Error {}
        #expect(throws: Rollback.self) {
            try queue.write { db in
                let pending = PendingIndexKeys()
                try ArchiveStore.insertIndexKeys(bandKeys: [], passageHashes: [41], documentID: 1, into: pending, db)
                try IndexSegments.flush(pending, db)
                let lookup = try IndexLookup(db, before: nil, pending: nil)
                #expect(try lookup.earliest(.passage, 41, limit: 5) == [1], "its filter is now kept")
                throw Rollback()
            }
        }
        let source = try store.ensureSource(url: "import:test", kind: "import")
        _ = try ArchiveFixtures.ingest(store, source: source, url: "kept", content: .new(
            ArchiveFixtures.document("kept", bands: [5], passages: [42]), relations: [], cluster: .ownCluster))
        #expect(try found(store, passages: [42], min: 1) == ["kept"])
        #expect(try found(store, passages: [41], min: 1) == [])
    }
}
