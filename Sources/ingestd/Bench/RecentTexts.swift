/// The texts of the last `capacity` documents by id, in a ring: a fixed-size cache.
///
/// Guarantees: `recent[id]` is the text stored under `id` if no more than `capacity`
/// later ids have been stored since, else nil; memory is bounded by `capacity` texts.
struct RecentTexts {
    private var ids: [Int64]
    private var texts: [String]

    init(capacity: Int) {
        ids = [Int64](repeating: 0, count: capacity)
        texts = [String](repeating: "", count: capacity)
    }

    subscript(id: Int64) -> String? {
        get {
            let slot = Int(id % Int64(ids.count))
            return ids[slot] == id ? texts[slot] : nil
        }
        set {
            let slot = Int(id % Int64(ids.count))
            ids[slot] = id
            texts[slot] = newValue ?? ""
        }
    }
}
