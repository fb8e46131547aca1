/// The values stored under the ids used last, in a table of fixed size: a cache for
/// documents that are candidates again and again. A story's copies and rewrites arrive
/// close together, but the first items of a much-copied story or of a template are
/// candidates of later ones for as long as copies keep coming. `dedup` keeps texts in one
/// and comparison data (`ComparableText`) in another, so a wire original is not read,
/// tokenized and prepared again for each of its rewrites.
///
/// Guarantees: `cache[id]` is nil or what was last stored under `id`. Ids share sets of
/// `ways` slots (by `id % sets`); storing a new id evicts the one of its set used (read or
/// stored) longest ago, so a value stays while fewer than `ways` other ids of its set
/// were used since it was. Memory is bounded by `capacity` values. Only for documents
/// whose content never changes while the cache lives: the caller owns that promise.
public final class RecentByID<Value> {
    private var ids: [Int64]
    private var values: [Value?]
    /// Per slot: the clock when its id was last used.
    private var used: [UInt64]
    private var clock: UInt64 = 0
    private let sets: Int

    static var ways: Int { 4 }

    public init(capacity: Int) {
        sets = max(1, capacity / Self.ways)
        ids = [Int64](repeating: -1, count: sets * Self.ways)
        values = [Value?](repeating: nil, count: sets * Self.ways)
        used = [UInt64](repeating: 0, count: sets * Self.ways)
    }

    public subscript(id: Int64) -> Value? {
        get {
            guard let slot = slot(of: id) else { return nil }
            clock += 1
            used[slot] = clock
            return values[slot]
        }
        set {
            let first = set(of: id)
            let slot = slot(of: id) ?? (first..<(first + Self.ways)).min { used[$0] < used[$1] }!
            clock += 1
            ids[slot] = id
            values[slot] = newValue
            used[slot] = clock
        }
    }

    private func set(of id: Int64) -> Int { Int(UInt64(bitPattern: id) % UInt64(sets)) * Self.ways }

    private func slot(of id: Int64) -> Int? {
        let first = set(of: id)
        return (first..<(first + Self.ways)).first { ids[$0] == id }
    }
}
