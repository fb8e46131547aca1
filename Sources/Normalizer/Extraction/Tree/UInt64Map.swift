/// A small open-addressing map from 64-bit keys that are already hashes, for the per-element
/// lookups of page reading, where Swift's seeded `Hasher` cost more than the work it guards.
///
/// Guarantees: exact (keys are compared, not just their slots); grows at half full, so probes
/// stay short; the key 0 is stored aside, never lost.
struct UInt64Map<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var zeroValue: Value?
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
    }

    subscript(key: UInt64) -> Value? {
        get {
            if key == 0 { return zeroValue }
            var slot = Self.slot(key, keys.count)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return }  // removal is never needed here
            if key == 0 {
                if zeroValue == nil { count += 1 }
                zeroValue = newValue
                return
            }
            if (count + 1) * 2 > keys.count { grow() }
            var slot = Self.slot(key, keys.count)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = key
            values[slot] = newValue
        }
    }

    private static func slot(_ key: UInt64, _ size: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (size - 1)
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Value?](repeating: nil, count: keys.count)
        count = zeroValue == nil ? 0 : 1
        for (k, v) in old { self[k] = v }
    }
}

extension UInt64Map: Sendable where Value: Sendable {}
