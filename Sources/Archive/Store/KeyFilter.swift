import Foundation
import GRDB

/// An in-memory Bloom filter over every key of the duplicate indexes (LSH band keys and
/// passage fingerprints), so that a bulk import answers "no document has this key" without
/// a B-tree lookup. Most keys of a new document are in no other one, and their lookups were
/// two fifths of an import's time.
///
/// Guarantees: `mayHold` is never false for a key that is in the archive's indexes, as long
/// as every key written since the filter was filled went through a `WriteSession` carrying
/// it (`insertIndexKeys` adds them): a commit by any other connection, another process's
/// `feeds add` among them, changes SQLite's `data_version`, and the next transaction fills
/// the filter again from the tables. A false "may hold" only costs the lookup it would have
/// cost anyway (about 2 % of absent keys). Memory: 10 to 20 bits per key (a power of two of
/// words), sized for `keysPerDocument`: 16 to 32 MB for 100,000 documents; when a block is
/// full, one twice as large is added. Only `keyFilter(forAbout:)`, which fills it before
/// handing it out, and then write transactions touch it, one at a time.
public final class KeyFilter: @unchecked Sendable {
    /// Bits set per key, all in one 64-bit word: one memory access per question.
    private static let bitsPerKey = 5
    /// Words per expected key: 10 bits a key gives ~2 % false positives in 64-bit blocks.
    private static let keysPerWord = 6.4

    private struct Block {
        var words: [UInt64]
        let shift: UInt64
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            let words = max(1 << 10, Int(Double(capacity) / KeyFilter.keysPerWord))
            let bits = Int.bitWidth - (words - 1).leadingZeroBitCount
            self.words = [UInt64](repeating: 0, count: 1 << bits)
            self.shift = UInt64(64 - bits)
            self.capacity = capacity
        }

        /// The word is chosen by the key's top bits as they are (keys are uniform hashes
        /// already), the five bits by its lowest 30: each segment is scanned in key order, so
        /// a fill walks the words in order instead of missing the cache on every key.
        @inline(__always) func slot(_ h: UInt64) -> (Int, UInt64) {
            let index = Int(h >> shift)
            var mask: UInt64 = 0
            for i in 0..<KeyFilter.bitsPerKey { mask |= 1 << ((h >> UInt64(6 * i)) & 63) }
            return (index, mask)
        }
    }

    /// Keys the first block is made for, when the first key arrives.
    private var firstCapacity: Int
    private var blocks: [Block] = []
    private var dataVersion: Int64?

    /// `expectedKeys` sizes the first block; `fill` (or `prepare`) fills it from the archive.
    init(expectedKeys: Int) {
        firstCapacity = max(expectedKeys, 1 << 16)
    }

    /// The key a band lookup asks for (band keys are hashes already; the band is mixed in).
    static func band(_ band: Int, _ key: UInt64) -> UInt64 {
        key ^ (UInt64(band + 1) &* 0x9e37_79b9_7f4a_7c15)
    }

    func insert(_ h: UInt64) {
        if blocks.isEmpty {
            blocks.append(Block(capacity: firstCapacity))
        } else if blocks[blocks.count - 1].count >= blocks[blocks.count - 1].capacity {
            blocks.append(Block(capacity: blocks[blocks.count - 1].capacity * 2))
        }
        let last = blocks.count - 1
        let (index, mask) = blocks[last].slot(h)
        blocks[last].words[index] |= mask
        blocks[last].count += 1
    }

    /// False only when no key `h` was ever inserted.
    func mayHold(_ h: UInt64) -> Bool {
        for block in blocks {
            let (index, mask) = block.slot(h)
            if block.words[index] & mask == mask { return true }
        }
        return false
    }

    /// Makes the filter current for a write transaction on `db`: filled from the tables the
    /// first time, and again whenever another connection has committed since (the writer's
    /// `data_version` says so).
    func prepare(_ db: Database) throws {
        let version = try Self.dataVersion(db)
        guard version != dataVersion else { return }
        try fill(db)
        dataVersion = version
    }

    /// Fills the filter from the tables as `db` sees them, replacing what it held.
    func fill(_ db: Database) throws {
        firstCapacity = max(firstCapacity, try Self.archivedDocuments(db) * Self.keysPerDocument)
        blocks = []
        let blocks = try Row.fetchCursor(db, sql: "SELECT entries FROM index_blocks")
        while let row = try blocks.next() {
            try row.withUnsafeData(atIndex: 0) { data in
                data?.withUnsafeBytes { IndexBlock.forEachKey(in: $0) { insert($0) } }
            }
        }
    }

    /// Declares the filter current as of the writer's `data_version` `version`: `prepare`
    /// fills it again only if another connection commits after that.
    func current(asOf version: Int64) {
        dataVersion = version
    }

    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    /// Index keys per document, with room to grow: 32 bands and ~70 fingerprints by default.
    static let keysPerDocument = 128

    /// About how many documents are archived: the highest id, read without a scan.
    static func archivedDocuments(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM documents") ?? 0
    }
}

extension ArchiveStore {
    /// A key filter for a bulk write of about `newDocuments` documents, or nil when the
    /// archive is so much larger than the write that filling the filter (a scan of the
    /// indexes, ~20 µs per archived document) would cost more than the lookups it saves
    /// (~1 ms per new document). Pass it to `inTransaction`.
    ///
    /// It is filled here, from a read snapshot, without the write lock: the scan takes about
    /// a second per 100,000 documents, which another writer (`feeds add`) would otherwise
    /// spend waiting. The writer's `data_version` is read first, so a commit by anyone else
    /// from then on makes the first transaction fill it again.
    public func keyFilter(forAbout newDocuments: Int) throws(ArchiveError) -> KeyFilter? {
        let archived = try read { db in try KeyFilter.archivedDocuments(db) }
        guard newDocuments * 50 >= archived else { return nil }
        let filter = KeyFilter(expectedKeys: (archived + newDocuments) * KeyFilter.keysPerDocument)
        let version = try writerDataVersion()
        try read { db in
            try filter.fill(db)
            db.releaseMemory()  // the scan's pages, which no reader needs again
        }
        filter.current(asOf: version)
        return filter
    }
}
