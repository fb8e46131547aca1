import Foundation

/// Substring search on bytes, for hot paths where Foundation's String search (which bridges
/// to NSString) costs more than the rest of the work.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`: `memchr` to each candidate first byte, `memcmp`
    /// for the rest. An empty needle is always found.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { contains($0, needle) }
    }

    static func contains(_ h: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBytes { n in
            guard n.count > 0 else { return true }
            guard let hb = h.baseAddress, let nb = n.baseAddress, h.count >= n.count else { return false }
            let first = Int32(n[0]), last = h.count - n.count
            var offset = 0
            while offset <= last, let hit = memchr(hb + offset, first, last - offset + 1) {
                let at = hb.distance(to: UnsafeRawPointer(hit))
                if memcmp(hb + at, nb, n.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
