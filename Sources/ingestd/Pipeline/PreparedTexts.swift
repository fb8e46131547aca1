import Normalizer

/// The comparison data (`ComparableText`) of recently judged documents, by document id, in
/// a ring of fixed size, so that a text compared again (a wire original against each of
/// its rewrites as they arrive) is not read, tokenized and sorted again.
///
/// Guarantees: `texts[id]` is what was stored under `id` if no more than `capacity` later
/// ids have been stored since (ids are placed by `id % capacity`), else nil; memory is
/// bounded by `capacity` prepared texts. Only for documents whose text never changes while
/// the cache lives: the caller owns that promise.
final class PreparedTexts {
    private var ids: [Int64]
    private var texts: [ComparableText?]

    init(capacity: Int) {
        ids = [Int64](repeating: 0, count: capacity)
        texts = [ComparableText?](repeating: nil, count: capacity)
    }

    subscript(id: Int64) -> ComparableText? {
        get {
            let slot = Int(id % Int64(ids.count))
            return ids[slot] == id ? texts[slot] : nil
        }
        set {
            let slot = Int(id % Int64(ids.count))
            ids[slot] = id
            texts[slot] = newValue
        }
    }
}
