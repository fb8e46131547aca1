import GRDB

/// The index keys of the documents that one store object wrote in a bulk write (an import of
/// many batches), held in memory from one transaction to the next, so that looking up the
/// run's own documents reads no segment: only documents from before the run are read from
/// SQLite (`IndexLookup`). Off until `ArchiveStore.holdWrittenIndexKeys` turns it on.
///
/// Guarantees, while `firstDocument` is set: every document of the archive from it on was
/// written through this object's transactions, and each of its keys holds the earliest
/// `perKey` of those documents under it, in ascending order, each once. So a lookup from the
/// archive's first document on (no time window) that wants at most `perKey` documents a
/// key gets the same answer here as from the segments. Anything that could break this lets
/// go of every key, and holding starts again at the next document written (the keys of a
/// transaction's documents are also in its `PendingIndexKeys`, so letting go is always safe):
/// - a transaction that fails (its documents are rolled back, and their ids given again);
/// - another writer's documents, found at a transaction's start (the archive's last
///   document is not the one this object saw last);
/// - a document that does not come after the last one held (a restore's own ids);
/// - more than `capacity` entries, which bounds the memory.
///
/// Used by the archive's one writer connection, inside its transactions, which GRDB runs one at a time.
final class HeldIndexKeys: @unchecked Sendable {
    /// Documents kept under a key; 0 while off.
    private(set) var perKey = 0
    private var capacity = 0
    /// Per kind (by raw value).
    private var tables: [PostingTable] = []
    private var expected: (bandKeys: Int, postings: Int) = (0, 0)
    private(set) var firstDocument: Int64?
    private var lastDocument: UInt32?
    /// The archive's last document when this object's last transaction ended.
    private var lastSeen: Int64?
    /// A lookup's documents, reused by every lookup.
    private var found: [UInt32] = []

    /// Entries held at most, 9-11 bytes each (`PostingTable`): a million news texts of
    /// 1.5 KB hold about a hundred million.
    static let defaultCapacity = 128 << 20

    /// Turns holding on: `perKey` documents a key (at least what any lookup asks for),
    /// tables sized for `expected` entries, as `Dedup.MemoryIndex` sizes its own.
    func start(perKey: Int, expected: (bandKeys: Int, postings: Int), capacity: Int) {
        self.perKey = perKey
        self.capacity = capacity
        self.expected = (min(Int(Double(expected.bandKeys) / PostingTable.missHeavyLoad), capacity), min(expected.postings, capacity))
        forget()
    }

    var isOn: Bool { perKey > 0 }

    /// At a transaction's start: lets go unless the archive is as this object left it.
    func begin(_ db: Database) throws {
        guard isOn, firstDocument != nil else { return }
        if try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents") != lastSeen { forget() }
    }

    /// At a transaction's end, before its commit.
    func end(_ db: Database) throws {
        guard isOn, firstDocument != nil else { return }
        lastSeen = try Int64.fetchOne(db, sql: "SELECT max(id) FROM documents")
    }

    /// Lets go of every key; holding starts again at the next document written.
    func forget() {
        firstDocument = nil
        lastDocument = nil
        lastSeen = nil
        tables = []
    }

    /// Holds `document`'s keys of one kind, given once each (`PendingIndexKeys.add` makes
    /// them distinct). Documents arrive in ascending id order.
    func add(_ kind: IndexKind, _ keys: [UInt64], document: UInt32) {
        guard isOn else { return }
        if let lastDocument, document < lastDocument || tables.reduce(0, { $0 + $1.count }) > capacity { forget() }
        lastDocument = document
        if firstDocument == nil {
            firstDocument = Int64(document)
            tables = IndexKind.allCases.map { kind in
                PostingTable(capacity: max(1 << 16, kind == .band ? expected.bandKeys : expected.postings))
            }
        }
        let table = tables[kind.rawValue]
        for key in keys { table.insert(UInt32(truncatingIfNeeded: key), document, ifFewerThan: perKey) }
    }

    /// Starts loading the table buckets that looking up `keys` reads, so that their memory
    /// latencies overlap instead of adding up (a table of a million documents' keys is far
    /// larger than the caches). A hint only.
    func prefetch(_ kind: IndexKind, _ keys: [UInt64]) {
        guard firstDocument != nil else { return }
        tables[kind.rawValue].prefetch(keys)
    }

    /// Calls `body` with the held documents under `key` below `bound`, in ascending order,
    /// while it returns true. Lookups start at the first document: from a later one, a
    /// key's earliest documents held might all come before it.
    func forEachDocument(_ kind: IndexKind, _ key: UInt64, from: Int64, below bound: Int64,
                         _ body: (Int64) throws -> Bool) rethrows {
        guard let firstDocument else { return }
        precondition(from <= firstDocument, "held index keys looked up from document \(from), after the first held")
        found.removeAll(keepingCapacity: true)
        tables[kind.rawValue].forEach(UInt32(truncatingIfNeeded: key)) { found.append($0) }
        for document in found {
            guard Int64(document) < bound, try body(Int64(document)) else { return }
        }
    }
}
