/// How often each document occurs among a lookup's posting lists, counted in an
/// open-addressed table that is reused from lookup to lookup: a probe per posting, where
/// sorting all the postings of a text (a few thousand for a long one) took longer.
///
/// Guarantees: after `reset`, `count(of:)` is how often `add` was given the id since, and
/// `documents` holds each id given once, in the order first given. Ids are positive.
struct DocumentCounter {
    private var ids: [Int64] = []
    private var counts: [Int32] = []
    private var shift: UInt64 = 64
    private(set) var documents: [Int64] = []

    /// Forgets every count, ready for up to `postings` adds.
    mutating func reset(forPostings postings: Int) {
        if ids.count < 2 * postings {
            var bits = 6
            while 1 << bits < 2 * postings { bits += 1 }
            ids = [Int64](repeating: 0, count: 1 << bits)
            counts = [Int32](repeating: 0, count: 1 << bits)
            shift = UInt64(64 - bits)
        } else {
            // Only the slots in use are cleared: the table stays as large as the largest lookup.
            for id in documents { ids[slot(of: id)] = 0 }
        }
        documents.removeAll(keepingCapacity: true)
    }

    /// Counts each of `given` once more: one list's postings, on plain buffers (a probe per
    /// posting of every text).
    mutating func add(_ given: UnsafeBufferPointer<Int64>) {
        let mask = ids.count - 1, shift = shift
        ids.withUnsafeMutableBufferPointer { ids in
            counts.withUnsafeMutableBufferPointer { counts in
                for id in given {
                    var s = Self.home(id, shift: shift)
                    while true {
                        if ids[s] == id {
                            counts[s] += 1
                            break
                        }
                        if ids[s] == 0 {
                            ids[s] = id
                            counts[s] = 1
                            documents.append(id)
                            break
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    func count(of id: Int64) -> Int { Int(counts[slot(of: id)]) }

    /// The slot holding `id`, which must have been added.
    private func slot(of id: Int64) -> Int {
        var s = Self.home(id, shift: shift)
        while ids[s] != id { s = (s + 1) & (ids.count - 1) }
        return s
    }

    /// `id`'s first slot in a table of 2^(64 − `shift`) slots. Static, so that `add` can ask
    /// it while it holds the table.
    @inline(__always)
    private static func home(_ id: Int64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }
}
