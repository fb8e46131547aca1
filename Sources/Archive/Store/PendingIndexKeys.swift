/// Index keys written in the current transaction and not yet stored as a segment: the
/// memory part of the log-structured indexes (`IndexSegments`).
///
/// Guarantees: lookups see every key added, so a document finds the ones written before it
/// in the same transaction; documents are added in ascending id order, which is the order
/// lookups give them back in. It holds nothing once `take` has handed its entries over.
/// While the store holds every key added (`held`), the lookup tables are not kept: they are
/// made from the entries when a lookup first needs a document that is not held.
final class PendingIndexKeys {
    private var entries: [[IndexEntry]] = IndexKind.allCases.map { _ in [] }
    /// Per kind, the first document under each key, and the others in `more`: most keys
    /// have one document, and a dictionary of arrays would allocate for each.
    private var first: [[UInt64: UInt32]] = IndexKind.allCases.map { _ in [:] }
    private var more: [[UInt64: [UInt32]]] = IndexKind.allCases.map { _ in [:] }
    private(set) var count = 0
    /// The stored segments as this transaction last read them (`IndexLookup`), kept until it
    /// stores one itself: within a write transaction no one else can.
    var storedSegments: [IndexSegments.Stored]?
    private(set) var firstDocument: Int64?
    private(set) var lastDocument: Int64?
    /// The store's keys held across transactions, which every key added here joins.
    let held: HeldIndexKeys?
    /// Whether `first` and `more` hold every entry.
    private var mapped: Bool

    init(held: HeldIndexKeys? = nil) {
        self.held = held
        mapped = held == nil
    }

    /// Adds `document`'s keys of one kind; a key it already has is not added again.
    func add(_ kind: IndexKind, _ keys: [UInt64], document: Int64) throws {
        guard let doc = UInt32(exactly: document) else {
            throw ArchiveError.database("document id \(document) is beyond the duplicate index's 32-bit ids")
        }
        firstDocument = firstDocument ?? document
        lastDocument = document
        let k = kind.rawValue
        guard let held else {
            count += Self.add(keys, doc, first: &first[k], more: &more[k], entries: &entries[k])
            return
        }
        // A document is indexed once under a key (two bands may share one).
        var distinct: [UInt64] = []
        distinct.reserveCapacity(keys.count)
        for key in keys.sorted() where key != distinct.last { distinct.append(key) }
        if mapped {
            count += Self.add(distinct, doc, first: &first[k], more: &more[k], entries: &entries[k])
        } else {
            entries[k].append(contentsOf: distinct.map { IndexEntry(key: $0, document: doc) })
            count += distinct.count
        }
        held.add(kind, distinct, document: doc)
    }

    /// (The tables are passed in whole: reaching them through `self` for each key made
    /// Swift check exclusive access each time, a third of `add`'s cost.)
    private static func add(_ keys: [UInt64], _ doc: UInt32, first: inout [UInt64: UInt32], more: inout [UInt64: [UInt32]],
                            entries: inout [IndexEntry]) -> Int {
        var added = 0
        for key in keys {
            if let other = first[key] {
                if other == doc || more[key]?.last == doc { continue }
                more[key, default: []].append(doc)
            } else {
                first[key] = doc
            }
            entries.append(IndexEntry(key: key, document: doc))
            added += 1
        }
        return added
    }

    /// Calls `body` with the documents under `key`, from `from` on and below `bound`, in
    /// ascending order, while it returns true; returns false when `body` stopped it.
    func forEachDocument(_ kind: IndexKind, _ key: UInt64, from: Int64 = 1, below bound: Int64,
                         _ body: (Int64) throws -> Bool) rethrows -> Bool {
        if !mapped {
            guard let firstDocument, firstDocument < bound else { return true }
            map()
        }
        guard let doc = first[kind.rawValue][key] else { return true }
        // False once past `bound` or stopped by `body`.
        func visit(_ d: UInt32) throws -> Bool {
            guard Int64(d) < bound else { return false }
            return Int64(d) < from ? true : try body(Int64(d))
        }
        guard try visit(doc) else { return Int64(doc) >= bound }
        for d in more[kind.rawValue][key] ?? [] {
            guard try visit(d) else { return Int64(d) >= bound }
        }
        return true
    }

    /// Makes the lookup tables from the entries added so far, and keeps them from now on.
    private func map() {
        for k in entries.indices {
            for entry in entries[k] {  // (each key once a document, in order)
                if first[k][entry.key] == nil { first[k][entry.key] = entry.document } else { more[k][entry.key, default: []].append(entry.document) }
            }
        }
        mapped = true
    }

    /// The entries of each kind, sorted, and the documents they span, to be stored as a
    /// segment; the keys are then forgotten, and so is the list of stored segments.
    func take() -> (entries: [[IndexEntry]], documents: ClosedRange<Int64>)? {
        guard let firstDocument, let lastDocument, count > 0 else { return nil }
        let out = entries.map { $0.sorted() }
        entries = IndexKind.allCases.map { _ in [] }
        first = IndexKind.allCases.map { _ in [:] }
        more = IndexKind.allCases.map { _ in [:] }
        count = 0
        mapped = held == nil
        storedSegments = nil
        self.firstDocument = nil
        self.lastDocument = nil
        return (out, firstDocument...lastDocument)
    }
}
