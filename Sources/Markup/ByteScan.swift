import Foundation

/// Searches over a page's or feed's bytes with `memchr`, ASCII letters compared without
/// case: the scans that run before a parser sees a document (`MarkupPrefilter`,
/// `AttributeLimit`). Each is linear in the bytes it passes over.
enum ByteScan {
    /// The offset of the first `byte` at or after `from`.
    static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let hit = memchr(b.baseAddress! + from, Int32(byte), b.count - from) else { return nil }
        return UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(hit))
    }

    /// The first case-insensitive occurrence of `needle` (lowercase ASCII) at or after `from`.
    static func find(_ needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while let hit = next(needle[0], in: b, from: i) {
            if matches(b, at: hit, needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Whether `needle` (lowercase ASCII) stands at `i`, case aside.
    static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8]) -> Bool {
        guard i + needle.count <= b.count else { return false }
        for k in 0..<needle.count {
            let c = b[i + k]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != needle[k] { return false }
        }
        return true
    }
}
