/// A multimap from 32-bit keys to document numbers, in one open-addressed table with
/// Robin Hood linear probing: eight bytes per entry and no allocation per key.
///
/// Guarantees: `forEach(key)` visits every document inserted under `key` (in no set
/// order), and possibly, with probability about (entries scanned) / 2³² per lookup,
/// none other; the table stays between `maxLoad / growth` and `maxLoad` full once it
/// has grown, so `bytes` / `count` stays between 8 / 0.9 and 8 / 0.72.
///
/// Keys must be uniformly distributed (truncated hashes): a key's home slot is its value
/// scaled to the capacity, so no further hashing is done.
struct PostingTable {
    private var keys: [UInt32]
    /// Document number + 1; 0 marks an empty slot.
    private var values: [UInt32]
    private(set) var count = 0

    static let maxLoad = 0.9
    static let growth = 1.25

    init(capacity: Int = 1 << 12) {
        keys = [UInt32](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
    }

    var capacity: Int { keys.count }

    /// Memory held by the table.
    var bytes: Int { capacity * (MemoryLayout<UInt32>.size * 2) }

    @inline(__always)
    private static func home(_ key: UInt32, _ capacity: Int) -> Int {
        Int((UInt64(key) &* UInt64(capacity)) >> 32)
    }

    /// How far the entry in `slot` sits from its home.
    @inline(__always)
    private static func displacement(_ slot: Int, _ key: UInt32, _ capacity: Int) -> Int {
        let h = home(key, capacity)
        return slot >= h ? slot - h : slot + capacity - h
    }

    /// Calls `body` with each document stored under `key`.
    func forEach(_ key: UInt32, _ body: (UInt32) -> Void) {
        let capacity = self.capacity
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                var slot = Self.home(key, capacity), distance = 0
                while values[slot] != 0 {
                    let resident = keys[slot]
                    if resident == key {
                        body(values[slot] - 1)
                    } else if Self.displacement(slot, resident, capacity) < distance {
                        return
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                    distance += 1
                }
            }
        }
    }

    /// True when some document is stored under `key`.
    func contains(_ key: UInt32) -> Bool {
        var found = false
        forEach(key) { _ in found = true }
        return found
    }

    /// Stores `document` under `key` (duplicates are kept).
    mutating func insert(_ key: UInt32, _ document: UInt32) {
        if Double(count + 1) > Self.maxLoad * Double(capacity) { grow() }
        place(key, document + 1)
        count += 1
    }

    private mutating func place(_ key: UInt32, _ value: UInt32) {
        var key = key, value = value
        let capacity = self.capacity
        var slot = Self.home(key, capacity), distance = 0
        keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
                while values[slot] != 0 {
                    let residentDistance = Self.displacement(slot, keys[slot], capacity)
                    if residentDistance < distance {
                        swap(&key, &keys[slot])
                        swap(&value, &values[slot])
                        distance = residentDistance
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                    distance += 1
                }
                keys[slot] = key
                values[slot] = value
            }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = Int((Double(capacity) * Self.growth).rounded(.up))
        keys = [UInt32](repeating: 0, count: size)
        values = [UInt32](repeating: 0, count: size)
        for i in oldKeys.indices where oldValues[i] != 0 { place(oldKeys[i], oldValues[i]) }
    }
}
