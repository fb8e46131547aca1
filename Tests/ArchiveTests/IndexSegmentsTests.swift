@testable import Archive
import Foundation
import GRDB
import Testing

/// The duplicate indexes as merged segments (`IndexSegments`): whatever the segments, a
/// lookup gives a key's documents oldest first, all of them, and nothing else.
struct IndexSegmentsTests {
    /// Documents 1...n, each in its own transaction (its own segment before merges), all
    /// sharing band key 1 at band 0 and passage 7, each with a passage of its own.
    static func archive(documents n: Int) throws -> ArchiveStore {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        for i in 1...n {
            let doc = ArchiveFixtures.document("text \(i)", bands: [1, UInt64(1_000 + i)], passages: [7, UInt64(10_000 + i)])
            _ = try ArchiveFixtures.ingest(store, source: source, url: "u\(i)", content: .new(doc, relations: [], cluster: .ownCluster))
        }
        return store
    }

    static func levels(_ store: ArchiveStore) throws -> [Int] {
        try DatabaseQueue(path: store.path).read { try Int.fetchAll($0, sql: "SELECT level FROM index_segments ORDER BY level") }
    }

    @Test func segmentsAreMergedSoEachLevelHoldsFewerThanTheFanout() throws {
        let store = try Self.archive(documents: 70)
        let levels = try Self.levels(store)
        // 70 in base 4 is 1012: one segment at level 3, none at 2, one at 1, two at 0.
        #expect(levels == [0, 0, 1, 3])
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func aKeysEarliestDocumentsComeFirstWhateverTheSegments() throws {
        let store = try Self.archive(documents: 70)
        let bucket = try store.found(bands: [1], passages: [], min: 1, limit: 5)
        #expect(bucket.map(\.documentID) == [1, 2, 3, 4, 5])
        let all = try store.found(bands: [1], passages: [], min: 1, limit: 1_000)
        #expect(all.map(\.documentID) == Array(1...70))
        let own = try store.found(bands: [], passages: [10_042], min: 1, limit: 5)
        #expect(own.map(\.documentID) == [42])
        #expect(try store.found(bands: [9, 1_002], passages: [], min: 1, limit: 5).map(\.documentID) == [2])
        // From a window's first document on: the earliest from there, across segments and within one.
        for from: Int64 in [2, 17, 64, 65, 70] {
            let windowed = try store.found(bands: [1], passages: [], min: 1, limit: 5, from: from)
            #expect(windowed.map(\.documentID) == Array(from...min(from + 4, 70)))
        }
        #expect(try store.found(bands: [], passages: [10_042], min: 1, limit: 5, from: 43).isEmpty)
        #expect(try store.found(bands: [1], passages: [], min: 1, limit: 5, from: 71).isEmpty)
    }

    /// The window's clock and first document come from the documents' window times: the
    /// publication date, or the first sighting when there is none or it is later.
    @Test func theWindowTimesAreThePublishedOrFirstSeenDates() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        let seen = Date(timeIntervalSinceReferenceDate: 900_000_000)
        for (i, published) in [800_000_000, nil, 950_000_000, 700_000_000].enumerated() {
            var doc = ArchiveFixtures.document("text \(i)", bands: [UInt64(i)], passages: [])
            doc.published = published.map { Date(timeIntervalSinceReferenceDate: Double($0)) }
            var capture = ArchiveFixtures.capture("u\(i)", body: "<p>\(i)</p>")
            capture.fetchedAt = seen
            _ = try store.record(Ingest(sourceID: source, entryKey: "u\(i)", url: "u\(i)", capture: capture,
                                        content: .new(doc, relations: [], cluster: .ownCluster)))
        }
        #expect(try store.windowTime(of: 1) == 800_000_000)
        #expect(try store.windowTime(of: 2) == 900_000_000 && store.windowTime(of: 3) == 900_000_000)
        #expect(try store.windowClock() == 900_000_000)
        #expect(try store.firstDocument(windowTimeAtLeast: 750_000_000) == 1)
        #expect(try store.firstDocument(windowTimeAtLeast: 850_000_000) == 2)
        #expect(try store.firstDocument(windowTimeAtLeast: 900_000_001) == nil)
    }

    @Test func aKeyOfManyBlocksIsReadWholeAndInOrder() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        // One transaction: one segment, in which key 7's 600 postings fill several blocks, and
        // keys on both sides of it share their first and last blocks.
        try store.inTransaction { session in
            for i in 1...600 {
                let doc = ArchiveFixtures.document("text \(i)", bands: [UInt64(i)], passages: [6, 7, 8, UInt64(i) << 40])
                if i % 100 == 1 {  // a document finds the ones before it in the same transaction
                    let seen = try session.found(bands: [], passages: [7], min: 1, limit: 1_000)
                    #expect(seen.map(\.documentID) == Array(1..<Int64(i)))
                }
                _ = try session.record(Ingest(sourceID: source, entryKey: "u\(i)", url: "u\(i)",
                                              capture: ArchiveFixtures.capture("u\(i)", body: "<p>\(i)</p>"),
                                              content: .new(doc, relations: [], cluster: .ownCluster)))
            }
        }
        #expect(try Self.levels(store) == [0])
        for hash: UInt64 in [6, 7, 8] {
            let found = try store.found(bands: [], passages: [hash], min: 1, limit: 1_000)
            #expect(found.map(\.documentID) == Array(1...600))
            let earliest = try store.found(bands: [], passages: [hash], min: 1, limit: 130)
            #expect(earliest.map(\.documentID) == Array(1...130))
        }
        #expect(try store.found(bands: [], passages: [5, 9], min: 1, limit: 9).isEmpty)
    }

    /// A segment's filter is sized by its distinct keys, not its entries: 300 copies of one
    /// story share their keys, and their filter is the size of one story's and their own keys'.
    @Test func aFilterIsSizedByDistinctKeys() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        try store.inTransaction { session in
            for i in 1...300 {
                let doc = ArchiveFixtures.document("copy \(i)", bands: [1, 2, 3, 4], passages: [5, 6, 7, 8, UInt64(100 + i)])
                _ = try session.record(Ingest(sourceID: source, entryKey: "u\(i)", url: "u\(i)",
                                              capture: ArchiveFixtures.capture("u\(i)", body: "<p>\(i)</p>"),
                                              content: .new(doc, relations: [], cluster: .ownCluster)))
            }
        }
        let (entries, filterBytes) = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchOne(db, sql: "SELECT entries, length(filter) FROM index_segments").map { ($0[0] as Int, $0[1] as Int) }!
        }
        #expect(entries == 300 * 9)
        #expect(filterBytes == BloomFilter(expectedKeys: 8 + 300).encoded.count)
        #expect(try store.found(bands: [3], passages: [], min: 1, limit: 1_000).count == 300)
        // A merged segment's filter is bounded by its inputs' (a key in two inputs counts
        // twice) and never larger than its entries ask.
        let merged = try Self.archive(documents: 70)
        let segments = try DatabaseQueue(path: merged.path).read { db in
            try Row.fetchAll(db, sql: "SELECT entries, length(filter) FROM index_segments").map { ($0[0] as Int, $0[1] as Int) }
        }
        #expect(segments.allSatisfy { $0.1 <= BloomFilter(expectedKeys: $0.0).encoded.count }, "\(segments)")
        #expect(try merged.integrityProblems().isEmpty)
    }

    /// Segments written before fuse filters have Bloom filters; the upgrade gives the large
    /// ones fuse filters that hold every key, and leaves the small ones as they were.
    @Test func theUpgradeGivesLargeSegmentsFuseFilters() throws {
        let store = try ArchiveFixtures.store()
        var random = SystemRandomNumberGenerator()
        let keys = (0..<SegmentFilterBuilder.fuseMinimumKeys + 1_000).map { _ in UInt64(random.next() as UInt32) }
        try DatabaseQueue(path: store.path).write { db in
            // One small segment (document 1), one large (documents 2 on, 1,000 keys each).
            for (first, part) in [(1, keys[..<100]), (2, keys[...])] {
                let pending = PendingIndexKeys()
                for (i, start) in stride(from: part.startIndex, to: part.endIndex, by: 1_000).enumerated() {
                    try pending.add(.passage, Array(part[start ..< min(start + 1_000, part.endIndex)]), document: Int64(first + i))
                }
                try IndexSegments.flush(pending, merging: false, db)
                var bloom = BloomFilter(expectedKeys: part.count)
                for key in part { bloom.insert(key) }
                try db.execute(sql: "UPDATE index_segments SET filter = ? WHERE id = ?", arguments: [bloom.encoded, db.lastInsertedRowID])
            }
            try ArchiveSchema.useFuseFilters(db)
            let lengths = try Int.fetchAll(db, sql: "SELECT length(filter) FROM index_segments ORDER BY first_document_id")
            #expect(lengths.map { $0 % 8 } == [0, 4], "the small segment keeps its Bloom filter, the large one has fuse filters")
            let lookup = try IndexLookup(db, before: nil, pending: nil)
            #expect(try keys.prefix(3_000).allSatisfy { try !lookup.earliest(.passage, $0, limit: 2).isEmpty })
            #expect(try IndexSegments.problems(db).isEmpty)
        }
    }

    @Test func aRebuildReplaysTheIndexInOrder() throws {
        let store = try Self.archive(documents: 21)
        let clusters = try store.rebuildClusters(indexScheme: "test") { session, id, _ in
            let earlier = try session.found(bands: [1], passages: [], min: 1, limit: 100)
            #expect(earlier.map(\.documentID) == Array(1..<id))
            return RebuildDecision(bandKeys: [1, UInt64(1_000 + id)], passageHashes: [7, UInt64(10_000 + id)],
                                   relations: [], cluster: .ownCluster)
        }
        #expect(clusters == 21)
        #expect(try Self.levels(store) == [0], "one transaction, one segment")
        let all = try store.found(bands: [1], passages: [], min: 1, limit: 100)
        #expect(all.map(\.documentID) == Array(1...21))
    }

    @Test func verifyNamesADamagedSegment() throws {
        let store = try Self.archive(documents: 9)
        // (The fixtures' content hashes are not SHA-256: only the database's problems count here.)
        let problems = { try store.verify().1.filter { $0.object == .database }.map(\.detail) }
        #expect(try problems().isEmpty)
        try DatabaseQueue(path: store.path).write { db in
            // The row names another first document than its block starts with.
            try db.execute(sql: """
                UPDATE index_blocks SET first_document = first_document + 1000
                WHERE (segment, kind, first_key, first_document) IN (
                    SELECT segment, kind, first_key, first_document FROM index_blocks LIMIT 1)
                """)
        }
        #expect(try problems() == ["index segment 5: a block does not start with the entry its row names"])
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE index_blocks SET entries = x'ff00' WHERE segment = 5")
        }
        #expect(try problems() == ["index segment 5: a block is not a block of index entries"])
    }

    /// Blocks round-trip whatever their keys (full 64-bit ones too, as upgrades meet them),
    /// and bytes that are not a block are refused, not read past their end.
    @Test func blocksRoundTripAndGarbageIsRefused() throws {
        var random = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let width = [8, 20, 32, 64][trial % 4]
            let count = Int.random(in: 1...IndexBlock.capacity, using: &random)
            let entries = (0..<count).map { _ in
                IndexEntry(key: width == 64 ? random.next() : UInt64.random(in: 0..<(1 << width), using: &random),
                           document: UInt32.random(in: 1...2_000_000, using: &random))
            }.sorted()
            let blob = IndexBlock.encode(entries[...])
            #expect(IndexBlock.decode(blob) == entries)
            var damaged = blob
            damaged.removeLast(min(3, damaged.count - 1))
            #expect(IndexBlock.decode(damaged) == nil || IndexBlock.decode(damaged)!.count <= entries.count)
        }
        // A full block as a large segment holds them: 128 of ~10 million keys, documents of ~100,000.
        let dense = (0..<128).map { i in IndexEntry(key: 0x4000_0000 + UInt64(i) * 430, document: UInt32(50_000 + (i * 7_919) % 100_000)) }
        #expect(IndexBlock.encode(dense[...]).count <= 128 * 7 / 2, "at most 3.5 bytes an entry")
        for garbage in [Data(), Data([0xff]), Data([65, 0, 1, 0, 0]), Data([8, 8, 0x81, 0x80, 0x80]), Data(repeating: 0xff, count: 40)] {
            #expect(IndexBlock.decode(garbage) == nil)
        }
    }
}
