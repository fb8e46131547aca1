@testable import ingestd
import Testing

/// The bench's Robin Hood multimap against a dictionary of arrays, through many growths.
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
            #expect(found.sorted() == docs.sorted())
        }
        #expect(table.count(of: 7) == reference[7]?.count ?? 0)
    }
}
