import Foundation

/// The lines of a file's bytes, found with `memchr` (`Data.split` goes a byte at a time,
/// and would hold up a large import before its first line) one at a time as they
/// are asked for, so a corpus of millions of lines costs no memory per line.
///
/// Guarantees: the same lines as `data.split(separator: 0x0A, omittingEmptySubsequences:
/// false)`, in order, as slices sharing `data`'s storage: empty lines are kept, so a
/// line's position is its number - 1, and a final newline ends the last line; `count`
/// is how many there are.
enum LineSplitter {
    static func lines(_ data: Data) -> Lines { Lines(data: data) }

    /// How many lines `lines(data)` yields: one more than the newlines.
    static func count(_ data: Data) -> Int {
        var lines = Lines.Iterator(data: data)
        var count = 0
        while lines.nextRange() != nil { count += 1 }
        return count
    }

    struct Lines: Sequence {
        let data: Data

        func makeIterator() -> Iterator { Iterator(data: data) }

        struct Iterator: IteratorProtocol {
            let data: Data
            /// Where the next line starts, from `data.startIndex`; nil after the last one.
            private var start: Int? = 0

            init(data: Data) { self.data = data }

            mutating func next() -> Data.SubSequence? {
                nextRange().map { data[data.startIndex + $0.lowerBound ..< data.startIndex + $0.upperBound] }
            }

            /// The next line's bytes, counted from `data.startIndex`.
            mutating func nextRange() -> Range<Int>? {
                guard let from = start else { return nil }
                let newline: Int? = data.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress, raw.count > from, let p = memchr(base + from, 0x0A, raw.count - from) else { return nil }
                    return base.distance(to: UnsafeRawPointer(p))
                }
                start = newline.map { $0 + 1 }
                return from ..< (newline ?? data.count)
            }
        }
    }
}
