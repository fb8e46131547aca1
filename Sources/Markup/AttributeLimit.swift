import Foundation

/// The most attributes one element may carry before libxml2 sees it, and the scan that
/// finds an element carrying more.
///
/// libxml2 (2.9) checks each attribute of a tag against all those before it, so one tag
/// with 80,000 attributes costs seconds and 500,000 costs minutes. No real page or feed
/// comes near `maxPerElement`.
///
/// Guarantees: `firstViolation` is one linear pass (each byte looked at a bounded number of
/// times; an unterminated comment, quote or section ends the scan); it skips comments,
/// CDATA sections, processing instructions, declarations and the bodies of `<script>` and
/// `<style>`, and counts an attribute per run of non-space bytes (or quoted value) inside
/// a start tag, so it never counts fewer than the parser will see.
public enum AttributeLimit {
    public static let maxPerElement = 256

    /// The byte offset of the first start tag with more than `limit` attributes, or nil.
    public static func firstViolation(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = maxPerElement) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        func next(_ byte: UInt8, from: Int) -> Int? {
            guard from < n, let hit = memchr(base + from, Int32(byte), n - from) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        }
        func find(_ needle: StaticString, from: Int) -> Int? {
            let k = needle.utf8CodeUnitCount, p = needle.utf8Start
            var i = from
            while let hit = next(p[0], from: i) {
                if hit + k <= n, (0..<k).allSatisfy({ base[hit + $0] | (p[$0] >= 0x61 ? 0x20 : 0) == p[$0] }) { return hit }
                i = hit + 1
            }
            return nil
        }
        func starts(_ prefix: StaticString, at i: Int) -> Bool {
            let k = prefix.utf8CodeUnitCount, p = prefix.utf8Start
            return i + k <= n && (0..<k).allSatisfy { base[i + $0] | (p[$0] >= 0x61 ? 0x20 : 0) == p[$0] }
        }
        var i = 0
        while let lt = next(UInt8(ascii: "<"), from: i) {
            guard lt + 1 < n else { return nil }
            let c = base[lt + 1]
            if c == UInt8(ascii: "!") {
                if starts("<!--", at: lt) {
                    guard let end = find("-->", from: lt + 4) else { return nil }
                    i = end + 3
                } else if starts("<![cdata[", at: lt) {
                    guard let end = find("]]>", from: lt + 9) else { return nil }
                    i = end + 3
                } else {
                    guard let end = next(UInt8(ascii: ">"), from: lt) else { return nil }
                    i = end + 1
                }
                continue
            }
            if c == UInt8(ascii: "?") {
                guard let end = find("?>", from: lt + 2) else { return nil }
                i = end + 2
                continue
            }
            guard (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A else {
                i = lt + 1
                continue
            }
            var j = lt + 1, count = 0, betweenAttributes = false
            while j < n, base[j] != UInt8(ascii: ">") {
                let b = base[j]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                    betweenAttributes = true
                } else {
                    if betweenAttributes {
                        count += 1
                        if count > limit { return lt }
                        betweenAttributes = false
                    }
                    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        guard let close = next(b, from: j + 1) else { return nil }
                        j = close
                    }
                }
                j += 1
            }
            i = j + 1
            // Raw text: what a script or style holds is not markup.
            for (open, close) in [("<script", "</script"), ("<style", "</style")] as [(StaticString, StaticString)]
            where starts(open, at: lt) {
                guard let end = find(close, from: i) else { return nil }
                i = end
            }
        }
        return nil
    }
}
