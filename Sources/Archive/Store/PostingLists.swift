/// The documents found under each of a list of keys (`PostingSource.earliest`), in one
/// flat buffer that a caller clears and reuses, so a lookup allocates nothing per key.
///
/// Guarantees: `self[i]` is the `i`-th list appended, in the order its documents were.
public struct PostingLists: Sendable {
    public private(set) var documents: [Int64] = []
    private var ends: [Int] = []

    public init() {}

    /// How many lists it holds.
    public var count: Int { ends.count }

    public subscript(i: Int) -> ArraySlice<Int64> {
        documents[range(i)]
    }

    /// Where the `i`-th list lies in `documents`.
    @inline(__always)
    public func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    /// Forgets every list, keeping the memory.
    public mutating func removeAll() {
        documents.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Adds a document to the list being built.
    public mutating func append(_ document: Int64) { documents.append(document) }

    /// Ends the list being built (an empty one if nothing was appended since the last).
    public mutating func endList() { ends.append(documents.count) }
}
