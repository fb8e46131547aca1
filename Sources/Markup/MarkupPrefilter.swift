import Foundation

/// Cuts what extraction would only throw away before the parser sees the page: the bodies of
/// `<script>` (except JSON-LD), `<style>`, `<svg>` and `<noscript>` elements, comments, and
/// the attributes of start tags that extraction never reads (`data-*`, `srcset`, `onclick`…;
/// see `keptAttributes`).
///
/// Guarantees: the elements' start and end tags stay, so the tree has the same elements; a
/// start tag that does not tokenize cleanly (an unclosed quote, over `maxTagBytes`) is copied
/// as it is; every other byte is copied unchanged and in order. A raw-text body ends at the first
/// `</script`, `</style`… as in the HTML tokenizer; an unterminated one runs to the end of the
/// input, as a browser would read it. One pass with `memchr`, linear in the input.
public enum MarkupPrefilter {
    public static func strip(_ html: Data) -> [UInt8] {
        html.withUnsafeBytes { raw -> [UInt8] in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
            let bytes = UnsafeBufferPointer(start: base, count: raw.count)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0, i = 0
            while let lt = ByteScan.next(UInt8(ascii: "<"), in: bytes, from: i) {
                if let skip = skippable(bytes, at: lt) {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: skip.keepUntil - copied))
                    copied = skip.resumeAt
                    i = skip.resumeAt
                } else if let tag = StartTag(bytes, at: lt), tag.dropsAttributes {
                    out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: lt - copied))
                    tag.appendKept(to: &out, from: bytes)
                    copied = tag.end
                    i = tag.end
                } else {
                    i = lt + 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: bytes.count - copied))
            return out
        }
    }

    /// Elements whose content is dropped, with the end tag that closes them.
    private static let rawElements: [(open: [UInt8], close: [UInt8])] = ["script", "style", "svg", "noscript"].map {
        (Array("<\($0)".utf8), Array("</\($0)".utf8))
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8), jsonLD = Array("ld+json".utf8)

    /// For a comment or a droppable element starting at `lt`: keep bytes before `keepUntil`,
    /// continue copying at `resumeAt`.
    private static func skippable(_ b: UnsafeBufferPointer<UInt8>, at lt: Int) -> (keepUntil: Int, resumeAt: Int)? {
        // Only "<!--", "<s…" and "<n…" can start what is cut.
        guard lt + 1 < b.count, case let c = b[lt + 1],
              c == UInt8(ascii: "!") || c | 0x20 == UInt8(ascii: "s") || c | 0x20 == UInt8(ascii: "n") else { return nil }
        if ByteScan.matches(b, at: lt, commentOpen) {
            let end = ByteScan.find(commentClose, in: b, from: lt + 4).map { $0 + 3 } ?? b.count
            return (lt, end)
        }
        for element in rawElements where ByteScan.matches(b, at: lt, element.open) {
            let after = lt + element.open.count
            guard after < b.count, b[after] <= 0x20 || b[after] == UInt8(ascii: ">") || b[after] == UInt8(ascii: "/") else { continue }
            guard let gt = ByteScan.next(UInt8(ascii: ">"), in: b, from: after) else { return nil }
            if element.open.count == 7, contains(b, lt..<gt, jsonLD) { return nil }  // keep JSON-LD
            let close = ByteScan.find(element.close, in: b, from: gt + 1) ?? b.count
            return (gt + 1, close)
        }
        return nil
    }

    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        range.contains { ByteScan.matches(b, at: $0, needle) && $0 + needle.count <= range.upperBound }
    }
}
