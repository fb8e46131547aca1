/// The values stored under the last ids, in a ring of fixed size: a cache for documents
/// that arrived lately, where most duplicate candidates are (a story's copies and rewrites
/// arrive close together). `dedup` keeps texts in one and comparison data
/// (`ComparableText`) in another, so a wire original is not read, tokenized and sorted
/// again for each of its rewrites.
///
/// Guarantees: `recent[id]` is what was stored under `id` if no more than `capacity` later
/// ids have been stored since (ids are placed by `id % capacity`), else nil; memory is
/// bounded by `capacity` values. Only for documents whose content never changes while the
/// cache lives: the caller owns that promise.
public final class RecentByID<Value> {
    private var ids: [Int64]
    private var values: [Value?]

    public init(capacity: Int) {
        ids = [Int64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
    }

    public subscript(id: Int64) -> Value? {
        get {
            let slot = Int(id % Int64(ids.count))
            return ids[slot] == id ? values[slot] : nil
        }
        set {
            let slot = Int(id % Int64(ids.count))
            ids[slot] = id
            values[slot] = newValue
        }
    }
}
