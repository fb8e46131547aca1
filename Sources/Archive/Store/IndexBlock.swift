import Foundation

/// One key of a duplicate index and a document that has it.
struct IndexEntry: Comparable {
    var key: UInt64
    var document: UInt32

    static func < (a: IndexEntry, b: IndexEntry) -> Bool {
        a.key != b.key ? a.key < b.key : a.document < b.document
    }
}

/// The stored form of a run of a segment's entries (`IndexSegments`): one row of
/// `index_blocks`, keyed by its segment, its kind and its first entry.
///
/// Guarantees: a block holds 1 to `capacity` entries in ascending order (key, then
/// document), 12 bytes each (key, then document, little-endian), so a lookup is a binary
/// search in place; `sortKey` orders keys in SQLite (signed integers) as they are ordered
/// here (unsigned), so the blocks of a segment, read in key order, give its entries in order.
enum IndexBlock {
    static let capacity = 128
    static let entrySize = 12

    /// `key` as stored in `index_blocks.first_key`: the sign bit flipped, so SQLite's signed
    /// order is the keys' unsigned order.
    static func sortKey(_ key: UInt64) -> Int64 { Int64(bitPattern: key ^ (1 << 63)) }

    static func encode(_ entries: ArraySlice<IndexEntry>) -> Data {
        var out = Data(count: entries.count * entrySize)
        out.withUnsafeMutableBytes { raw in
            var offset = 0
            for e in entries {
                raw.storeBytes(of: e.key.littleEndian, toByteOffset: offset, as: UInt64.self)
                raw.storeBytes(of: e.document.littleEndian, toByteOffset: offset + 8, as: UInt32.self)
                offset += entrySize
            }
        }
        return out
    }

    /// Every entry of a stored block, or nil when its size is not a whole number of entries.
    static func decode(_ blob: Data) -> [IndexEntry]? {
        guard !blob.isEmpty, blob.count % entrySize == 0 else { return nil }
        return blob.withUnsafeBytes { raw in
            (0..<raw.count / entrySize).map { entry(raw, $0) }
        }
    }

    /// Calls `body` with each document under `key` in a stored block, in ascending order,
    /// while it returns true; returns false when `body` stopped.
    static func forEachDocument(of key: UInt64, in blob: UnsafeRawBufferPointer,
                                _ body: (Int64) throws -> Bool) rethrows -> Bool {
        let count = blob.count / entrySize
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if keyAt(blob, mid) < key { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < count, keyAt(blob, i) == key {
            guard try body(Int64(entry(blob, i).document)) else { return false }
            i += 1
        }
        return true
    }

    /// Calls `body` with the key of each entry of a stored block.
    static func forEachKey(in blob: UnsafeRawBufferPointer, _ body: (UInt64) -> Void) {
        for i in 0..<blob.count / entrySize { body(keyAt(blob, i)) }
    }

    @inline(__always)
    private static func keyAt(_ raw: UnsafeRawBufferPointer, _ i: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * entrySize, as: UInt64.self))
    }

    @inline(__always)
    private static func entry(_ raw: UnsafeRawBufferPointer, _ i: Int) -> IndexEntry {
        IndexEntry(key: keyAt(raw, i),
                   document: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * entrySize + 8, as: UInt32.self)))
    }
}
