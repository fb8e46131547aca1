@testable import Archive
import Testing

/// The in-memory index's multimap against a dictionary of arrays, through many growths.
struct PostingTableTests {
    @Test func everyInsertedDocumentIsFoundUnderItsKeyAfterGrowth() {
        let table = PostingTable(capacity: 8)
        var reference: [UInt32: [UInt32]] = [:]
        var state: UInt64 = 0x1234_5678
        for doc in 0..<6_000 as Range<UInt32> {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Few distinct keys among many entries: long runs of equal keys, as band buckets have.
            let key = UInt32(truncatingIfNeeded: state >> 33) % 1_000 &* 1_431_655_765
            table.insert(key, doc)
            reference[key, default: []].append(doc)
        }
        #expect(table.count == 6_000)
        #expect(Double(table.count) <= PostingTable.maxLoad * Double(table.capacity))
        for (key, docs) in reference {
            var found: [UInt32] = []
            table.forEach(key) { found.append($0) }
            #expect(found == docs, "a key's documents come back in the order they were inserted")
        }
        #expect(table.count(of: 7) == reference[7]?.count ?? 0)
    }

    /// Key 0 is the one an empty slot's high half also matches: the bucket scan must count
    /// only the stored entries, and an insert must still take the first free slot.
    @Test func keyZeroCountsOnlyItsStoredEntries() {
        let table = PostingTable(capacity: 64)
        for doc in 0..<3 as Range<UInt32> { table.insert(0, doc) }
        table.insert(1, 9)
        #expect(table.count(of: 0) == 3)
        #expect(table.insert(0, 3, ifFewerThan: 3) == 3)
        #expect(table.insert(0, 4, ifFewerThan: 5) == 3)
        var found: [UInt32] = []
        table.forEach(0) { found.append($0) }
        #expect(found.sorted() == [0, 1, 2, 4])
        #expect(table.count(of: 1) == 1 && table.count == 5)
    }
}
