import Foundation

/// Cuts whole `<nav>`, `<footer>` and `<aside>` elements out of prefiltered HTML, so neither
/// the parser nor extraction spends time on them (they were a third of the bytes of the benchmark
/// pages, and extraction skips them anyway).
///
/// Guarantees: an element is cut only when its matching end tag is found (same name, nesting
/// counted), so an unclosed `<nav>` that swallows a page is left for the parser and the
/// extractor's second reading; `<script>` elements inside a cut element (JSON-LD, once
/// `MarkupPrefilter` has emptied the others) are kept, so no metadata is lost; every other
/// byte is copied unchanged and in order.
public enum ChromeCutter {
    private static let names: [[UInt8]] = ["nav", "footer", "aside"].map { Array($0.utf8) }
    private static let script = Array("<script".utf8), scriptEnd = Array("</script>".utf8)

    public static func cut(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { b -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var copied = 0, i = 0
            while let lt = next(UInt8(ascii: "<"), b, from: i) {
                guard let name = names.first(where: { opens(b, at: lt, $0) }), let end = matchingEnd(b, name, from: lt) else {
                    i = lt + 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<lt]))
                keepScripts(b, lt..<end, into: &out)
                copied = end
                i = end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
            return out
        }
    }

    /// One past the end tag matching the start tag at `lt`, or nil when there is none.
    private static func matchingEnd(_ b: UnsafeBufferPointer<UInt8>, _ name: [UInt8], from lt: Int) -> Int? {
        var depth = 0, i = lt
        while let at = next(UInt8(ascii: "<"), b, from: i) {
            if opens(b, at: at, name) {
                depth += 1
            } else if at + 1 < b.count, b[at + 1] == UInt8(ascii: "/"), opens(b, at: at + 1, name, slash: true) {
                depth -= 1
                if depth == 0 { return next(UInt8(ascii: ">"), b, from: at).map { $0 + 1 } }
            }
            i = at + 1
        }
        return nil
    }

    private static func keepScripts(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        var i = range.lowerBound
        while let at = next(UInt8(ascii: "<"), b, from: i), at < range.upperBound {
            if matches(b, at: at, script), let close = find(scriptEnd, b, from: at, before: range.upperBound) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[at..<close + scriptEnd.count]))
                i = close + scriptEnd.count
            } else {
                i = at + 1
            }
        }
    }

    /// Whether `<name` (or `</name` with `slash`, `at` then pointing at the slash) starts at `at`,
    /// followed by a space, `>` or `/`.
    private static func opens(_ b: UnsafeBufferPointer<UInt8>, at: Int, _ name: [UInt8], slash: Bool = false) -> Bool {
        let start = at + 1, after = start + name.count
        guard after < b.count, slash || b[at] == UInt8(ascii: "<") else { return false }
        for k in 0..<name.count where b[start + k] | 0x20 != name[k] { return false }
        let c = b[after]
        return c <= 0x20 || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8]) -> Bool {
        guard i + needle.count <= b.count else { return false }
        for k in 0..<needle.count where b[i + k] | 0x20 != needle[k] | 0x20 { return false }
        return true
    }

    private static func find(_ needle: [UInt8], _ b: UnsafeBufferPointer<UInt8>, from: Int, before limit: Int) -> Int? {
        var i = from
        while let at = next(needle[0], b, from: i), at < limit {
            if matches(b, at: at, needle) { return at }
            i = at + 1
        }
        return nil
    }

    private static func next(_ byte: UInt8, _ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let base = b.baseAddress, let hit = memchr(base + from, Int32(byte), b.count - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
}
