import Foundation

/// The most attributes one element of an XML document (a feed, OPML) may carry before
/// libxml2 sees it, and the scan that finds an element carrying more.
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
    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![cdata[".utf8), cdataClose = Array("]]>".utf8), instructionClose = Array("?>".utf8)
    private static let rawText = [("<script", "</script"), ("<style", "</style")].map { (Array($0.utf8), Array($1.utf8)) }

    /// The byte offset of the first start tag with more than `limit` attributes, or nil.
    public static func firstViolation(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = maxPerElement) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        func next(_ byte: UInt8, from: Int) -> Int? { ByteScan.next(byte, in: bytes, from: from) }
        func find(_ needle: [UInt8], from: Int) -> Int? { ByteScan.find(needle, in: bytes, from: from) }
        func starts(_ prefix: [UInt8], at i: Int) -> Bool { ByteScan.matches(bytes, at: i, prefix) }
        var i = 0
        while let lt = next(UInt8(ascii: "<"), from: i) {
            guard lt + 1 < n else { return nil }
            let c = base[lt + 1]
            if c == UInt8(ascii: "!") {
                if starts(Self.commentOpen, at: lt) {
                    guard let end = find(Self.commentClose, from: lt + 4) else { return nil }
                    i = end + 3
                } else if starts(Self.cdataOpen, at: lt) {
                    guard let end = find(Self.cdataClose, from: lt + 9) else { return nil }
                    i = end + 3
                } else {
                    guard let end = next(UInt8(ascii: ">"), from: lt) else { return nil }
                    i = end + 1
                }
                continue
            }
            if c == UInt8(ascii: "?") {
                guard let end = find(Self.instructionClose, from: lt + 2) else { return nil }
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
            for (open, close) in Self.rawText where starts(open, at: lt) {
                guard let end = find(close, from: i) else { return nil }
                i = end
            }
        }
        return nil
    }
}
