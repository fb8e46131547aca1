@testable import Archive
import Foundation
import Testing

/// Index keys held in memory across transactions (`HeldIndexKeys`): lookups give what the
/// segments would, whatever mix of stored and held documents a key has, and holding lets go
/// whenever the archive could differ from what it holds.
struct HeldIndexKeysTests {
    /// Document `i` is under band key 1 (all), band key 2 (from 40 on), band key 3 (29, 30,
    /// 35-38), passage 7 (all) and a passage of its own, 10,000 + `i`.
    static func document(_ i: Int) -> DocumentInput {
        var bands: [UInt64] = [1]
        if i >= 40 { bands.append(2) }
        if [29, 30, 35, 36, 37, 38].contains(i) { bands.append(3) }
        return ArchiveFixtures.document("text \(i)", bands: bands, passages: [7, UInt64(10_000 + i)])
    }

    static func record(_ i: Int, _ writer: some ArchiveWriter, source: Int64) throws {
        try writer.record(Ingest(sourceID: source, entryKey: "u\(i)", url: "u\(i)", capture: ArchiveFixtures.capture("u\(i)", body: "<p>\(i)</p>"),
                                 content: .new(Self.document(i), relations: [], cluster: .ownCluster)))
    }

    /// Documents 1-30 written one by one without holding, then 31-100 in transactions of 7
    /// with holding on (or off, for the reference).
    static func archive(holding: Bool) throws -> (ArchiveStore, Int64) {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        for i in 1...30 { try record(i, store, source: source) }
        if holding { store.holdWrittenIndexKeys(perKey: 5, expected: (0, 0)) }
        for first in stride(from: 31, through: 100, by: 7) {
            try store.inTransaction { session in
                for i in first..<min(first + 7, 101) { try record(i, session, source: source) }
            }
        }
        return (store, source)
    }

    /// Each key's earliest five documents, as a transaction sees them.
    static func lookups(_ store: ArchiveStore) throws -> [[Int64]] {
        try store.inTransaction { try lookups($0) }
    }

    static func lookups(_ session: WriteSession) throws -> [[Int64]] {
        try [(IndexKind.band, 1), (.band, 2), (.band, 3), (.passage, 7), (.passage, 10_042), (.passage, 10_012), (.band, 99)]
            .map { kind, key in
                var lists = PostingLists()
                try session.earliest(kind, [UInt64(key)], limit: 5, from: 1, into: &lists)
                return Array(lists[0])
            }
    }

    @Test func heldAndStoredDocumentsAreFoundAsTheSegmentsGiveThem() throws {
        let (held, _) = try Self.archive(holding: true)
        #expect(held.heldKeys.firstDocument == 31)
        let expected: [[Int64]] = [[1, 2, 3, 4, 5], [40, 41, 42, 43, 44], [29, 30, 35, 36, 37], [1, 2, 3, 4, 5], [42], [12], []]
        #expect(try Self.lookups(held) == expected)
        let (stored, _) = try Self.archive(holding: false)
        #expect(stored.heldKeys.firstDocument == nil)
        #expect(try Self.lookups(stored) == expected)
    }

    @Test func aFailedTransactionLetsGoOfEveryKey() throws {
        let (store, source) = try Self.archive(holding: true)
        #expect(throws: (any Error).self) {
            try store.inTransaction { session in
                try Self.record(101, session, source: source)
                throw ArchiveError.database("stop")
            }
        }
        #expect(store.heldKeys.firstDocument == nil)
        try store.inTransaction { session in try Self.record(101, session, source: source) }
        #expect(store.heldKeys.firstDocument == 101)
        #expect(try Self.lookups(store)[1] == [40, 41, 42, 43, 44])
    }

    @Test func anotherWritersDocumentLetsGoAtTheNextTransaction() throws {
        let (store, source) = try Self.archive(holding: true)
        try Self.record(101, store, source: source)  // its own transaction, not held
        #expect(try Self.lookups(store)[4] == [42])
        #expect(store.heldKeys.firstDocument == nil, "the archive's last document was not the held one")
        try store.inTransaction { session in try Self.record(102, session, source: source) }
        #expect(store.heldKeys.firstDocument == 102)
        var lists = PostingLists()
        try store.inTransaction { try $0.earliest(.passage, [10_101, 10_102], limit: 5, from: 1, into: &lists) }
        #expect(Array(lists[0]) == [101] && Array(lists[1]) == [102])
    }

    @Test func holdingStartsOverBeyondItsCapacity() throws {
        let store = try ArchiveFixtures.store()
        let source = try store.ensureSource(url: "import:test", kind: "import")
        store.heldKeys.start(perKey: 5, expected: (0, 0), capacity: 20)
        let expected: [[Int64]] = [[1, 2, 3, 4, 5], [], [29, 30], [1, 2, 3, 4, 5], [], [12], []]
        try store.inTransaction { session in
            for i in 1...30 { try Self.record(i, session, source: source) }
            // Documents 1-22 are no longer held: the transaction's pending keys answer for them.
            #expect(try Self.lookups(session) == expected)
        }
        // Three entries for each of a key's first five documents, then one (its own passage):
        // past 20 entries at documents 12 and 23, which start over.
        #expect(store.heldKeys.firstDocument == 23)
        #expect(try Self.lookups(store) == expected)
    }
}
