import CTableProbe

/// A multimap from 32-bit keys to document numbers in one open-addressed table of
/// 64-byte buckets (a cache line each) with linear probing over buckets: eight bytes per
/// entry (key and document in one word) and no allocation per key.
///
/// A key's entries live in its home bucket and, once that bucket is full, in the buckets
/// after it. Entries are never moved or removed, so a full bucket stays full: a lookup
/// scans buckets until one that is not full, and an insert takes the first free slot on
/// that same walk, without shifting anything (Robin Hood insertion spent most of its time
/// shifting ~50 slots at this load).
///
/// Guarantees: `forEach(key)` visits every document inserted under `key`, in the order
/// they were inserted, and none other; once grown, the table stays between `maxLoad / growth` and `maxLoad`
/// full, so `bytes` / `count` stays between 8 / 0.9 and 8 / 0.72.
///
/// Keys must be uniformly distributed (index keys are hashes cut to 32 bits,
/// `Fingerprints.indexKey`): a key's home bucket is its value scaled to the number of
/// buckets, so no further hashing is done.
public final class PostingTable {
    /// key << 32 | (document + 1); 0 marks an empty slot. Free slots of a bucket are
    /// always its last ones.
    private var memory: SlotMemory
    public private(set) var count = 0

    static let maxLoad = 0.9
    /// How full to size a table for the entries it will end with when most of its lookups
    /// miss (a text looks up all of its band keys and passage fingerprints, and nearly all are
    /// new unless it is a copy): a miss walks to the first bucket with a free slot, a walk that
    /// lengthens steeply as a table fills.
    public static let missHeavyLoad = 0.75
    static let growth = 1.25
    static let bucketSlots = 8

    public init(capacity: Int = 1 << 16) {
        memory = SlotMemory(count: Self.bucketCount(for: capacity) * Self.bucketSlots)
    }

    public var capacity: Int { memory.slots.count }

    /// Memory held by the table.
    public var bytes: Int { capacity * MemoryLayout<UInt64>.size }

    private static func bucketCount(for slots: Int) -> Int { max(2, (slots + bucketSlots - 1) / bucketSlots) }

    /// The first slot of `key`'s home bucket.
    @inline(__always)
    private static func home(_ key: UInt32, buckets: Int) -> Int {
        Int((UInt64(key) &* UInt64(buckets)) >> 32) * bucketSlots
    }

    /// Starts loading the home buckets of `keys` (their low 32 bits) into the cache, so that
    /// the lookups that follow overlap their memory latency instead of paying it in turn.
    public func prefetch(_ keys: [UInt64]) {
        let buckets = capacity / Self.bucketSlots, base = memory.slots.baseAddress!
        for key in keys { ingestd_prefetch(base + Self.home(UInt32(truncatingIfNeeded: key), buckets: buckets)) }
    }

    /// Calls `body` with each document stored under `key`.
    @inline(__always)
    public func forEach(_ key: UInt32, _ body: (UInt32) -> Void) {
        _ = walk(key) { body($0) }
    }

    /// Appends the documents stored under `key` from number `first` on, as 1-based ids in
    /// the order they were inserted, to the list `lists` is building, while fewer than
    /// `limit` are `taken` (counted across calls, for a key looked up in several tables).
    /// One call per key: the walk and the appends compile together here, where a callback
    /// per document from another module was a call and a uniqueness check each.
    public func appendDocuments(under key: UInt32, from first: UInt32, limit: Int, taken: inout Int,
                                into lists: inout PostingLists) {
        var count = taken
        _ = walk(key) { doc in
            if count < limit, doc >= first {
                lists.append(Int64(doc) + 1)
                count += 1
            }
        }
        taken = count
    }

    /// How many documents are stored under `key`.
    public func count(of key: UInt32) -> Int {
        walk(key) { _ in }.found
    }

    /// Stores `document` under `key` (duplicates are kept).
    public func insert(_ key: UInt32, _ document: UInt32) {
        insert(key, document, ifFewerThan: .max)
    }

    /// Stores `document` under `key` if fewer than `limit` documents are stored under it,
    /// in one walk; returns how many were stored before.
    @discardableResult
    public func insert(_ key: UInt32, _ document: UInt32, ifFewerThan limit: Int) -> Int {
        if Double(count + 1) > Self.maxLoad * Double(capacity) { grow() }
        let (found, free) = walk(key) { _ in }
        guard found < limit else { return found }
        memory.slots[free] = UInt64(key) << 32 | UInt64(document + 1)
        count += 1
        return found
    }

    /// Visits the entries under `key` from its home bucket to the first bucket with a free
    /// slot, in slot order; returns how many there were and that free slot. Each bucket is
    /// scanned by `ingestd_bucket_match` at once, with compares instead of a branch per
    /// slot, which mispredicts on every probe.
    @inline(__always)
    private func walk(_ key: UInt32, _ visit: (UInt32) -> Void) -> (found: Int, free: Int) {
        let slots = memory.slots, capacity = slots.count, base = slots.baseAddress!
        var slot = Self.home(key, buckets: capacity / Self.bucketSlots), found = 0
        while true {
            let bits = ingestd_bucket_match(base + slot, key)
            let empty = bits & 0x5555
            var matches = bits >> 1 & 0x5555
            // Empty slots' high halves are 0 and match key 0: keep the matches before the first.
            if empty != 0 { matches &= (empty & (0 &- empty)) &- 1 }
            while matches != 0 {
                found += 1
                visit(UInt32(truncatingIfNeeded: slots[slot + matches.trailingZeroBitCount >> 1]) - 1)
                matches &= matches &- 1
            }
            if empty != 0 { return (found, slot + empty.trailingZeroBitCount >> 1) }
            slot += Self.bucketSlots
            if slot == capacity { slot = 0 }
        }
    }

    private func grow() {
        let old = memory
        memory = SlotMemory(count: Self.bucketCount(for: Int((Double(capacity) * Self.growth).rounded(.up))) * Self.bucketSlots)
        // Entries are moved in the walks' own order, so a key's documents keep their
        // insertion order: from just after a bucket with a free slot, which no walk passes.
        let oldCount = old.slots.count
        var start = 0
        while old.slots[start + Self.bucketSlots - 1] != 0 { start += Self.bucketSlots }
        for step in 1...oldCount {
            let entry = old.slots[(start + Self.bucketSlots - 1 + step) % oldCount]
            if entry == 0 { continue }
            let free = walk(UInt32(truncatingIfNeeded: entry >> 32)) { _ in }.free
            memory.slots[free] = entry
        }
    }
}
