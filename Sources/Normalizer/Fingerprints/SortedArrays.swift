/// Set operations on ascending arrays, by merging: no hashing and no allocation.
/// Inlinable, so that callers in other modules get them specialized to their element type.
extension Array where Element: Comparable {
    /// Removes adjacent repeats in place: on a sorted array, leaves each value once.
    @inlinable
    public mutating func removeDuplicatesInSortedArray() {
        guard count > 1 else { return }
        var write = 1
        for read in 1..<count where self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }

    /// How many values two ascending, duplicate-free arrays share.
    @inlinable
    public func sharedCount(withSorted other: [Element]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < count && j < other.count {
            if self[i] == other[j] {
                shared += 1
                i += 1
                j += 1
            } else if self[i] < other[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// Whether an ascending array holds `value`, by binary search.
    @inlinable
    public func sortedContains(_ value: Element) -> Bool {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
