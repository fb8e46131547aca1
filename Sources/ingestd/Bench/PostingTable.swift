import CPrefetch

/// A multimap from 32-bit keys to document numbers, in one open-addressed table with
/// Robin Hood linear probing: eight bytes per entry (key and document in one word, so a
/// lookup touches one cache line) and no allocation per key.
///
/// Guarantees: `forEach(key)` visits every document inserted under `key` (in no set
/// order), and possibly, with probability about (entries scanned) / 2³² per lookup,
/// none other; once grown, the table stays between `maxLoad / growth` and `maxLoad`
/// full, so `bytes` / `count` stays between 8 / 0.9 and 8 / 0.72.
///
/// Keys must be uniformly distributed (truncated hashes): a key's home slot is its value
/// scaled to the capacity, so no further hashing is done.
final class PostingTable {
    /// key << 32 | (document + 1); 0 marks an empty slot.
    private var memory: SlotMemory
    private(set) var count = 0

    static let maxLoad = 0.9
    static let growth = 1.25

    init(capacity: Int = 1 << 16) {
        memory = SlotMemory(count: capacity)
    }

    var capacity: Int { memory.slots.count }

    /// Memory held by the table.
    var bytes: Int { capacity * MemoryLayout<UInt64>.size }

    @inline(__always)
    private static func home(_ key: UInt32, _ capacity: Int) -> Int {
        Int((UInt64(key) &* UInt64(capacity)) >> 32)
    }

    /// How far the entry in `slot` sits from its home.
    @inline(__always)
    private static func displacement(_ slot: Int, _ entry: UInt64, _ capacity: Int) -> Int {
        let h = home(UInt32(truncatingIfNeeded: entry >> 32), capacity)
        return slot >= h ? slot - h : slot + capacity - h
    }

    /// Starts loading the home slots of `keys` (their low 32 bits) into the cache, so that
    /// the lookups that follow overlap their memory latency instead of paying it in turn.
    func prefetch(_ keys: [UInt64]) {
        let capacity = self.capacity
        let slots = memory.slots
        for key in keys { ingestd_prefetch(slots.baseAddress! + Self.home(UInt32(truncatingIfNeeded: key), capacity)) }
    }

    /// Calls `body` with each document stored under `key`.
    @inline(__always)
    func forEach(_ key: UInt32, _ body: (UInt32) -> Void) {
        let capacity = self.capacity, slots = memory.slots
        var slot = Self.home(key, capacity), distance = 0
        while true {
            let entry = slots[slot]
            if entry == 0 { return }
            if UInt32(truncatingIfNeeded: entry >> 32) == key {
                body(UInt32(truncatingIfNeeded: entry) - 1)
            } else if Self.displacement(slot, entry, capacity) < distance {
                return
            }
            slot += 1
            if slot == capacity { slot = 0 }
            distance += 1
        }
    }

    /// How many documents are stored under `key`.
    func count(of key: UInt32) -> Int {
        var n = 0
        forEach(key) { _ in n += 1 }
        return n
    }

    /// Stores `document` under `key` (duplicates are kept).
    func insert(_ key: UInt32, _ document: UInt32) {
        _ = insert(key, document, ifFewerThan: .max)
    }

    /// Stores `document` under `key` if fewer than `limit` documents are stored under it,
    /// in one walk; returns how many were stored before.
    @discardableResult
    func insert(_ key: UInt32, _ document: UInt32, ifFewerThan limit: Int) -> Int {
        if Double(count + 1) > Self.maxLoad * Double(capacity) { grow() }
        let capacity = self.capacity, slots = memory.slots
        var slot = Self.home(key, capacity), distance = 0, found = 0
        // Walk the key's entries up to where Robin Hood order puts a new one.
        while slots[slot] != 0 {
            let resident = slots[slot]
            if UInt32(truncatingIfNeeded: resident >> 32) == key {
                found += 1
            } else if Self.displacement(slot, resident, capacity) < distance {
                break
            }
            slot += 1
            if slot == capacity { slot = 0 }
            distance += 1
        }
        guard found < limit else { return found }
        settle(UInt64(key) << 32 | UInt64(document + 1), at: slot, distance: distance)
        count += 1
        return found
    }

    /// Puts `entry` at `slot`, `distance` from its home, and moves each entry that is
    /// closer to its own home one slot on (Robin Hood), up to the next empty slot.
    private func settle(_ entry: UInt64, at slot: Int, distance: Int) {
        var entry = entry, slot = slot, distance = distance
        let capacity = self.capacity, slots = memory.slots
        while slots[slot] != 0 {
            let residentDistance = Self.displacement(slot, slots[slot], capacity)
            if residentDistance < distance {
                swap(&entry, &slots[slot])
                distance = residentDistance
            }
            slot += 1
            if slot == capacity { slot = 0 }
            distance += 1
        }
        slots[slot] = entry
    }

    private func grow() {
        let old = memory
        memory = SlotMemory(count: Int((Double(capacity) * Self.growth).rounded(.up)))
        for entry in old.slots where entry != 0 {
            settle(entry, at: Self.home(UInt32(truncatingIfNeeded: entry >> 32), capacity), distance: 0)
        }
    }
}
