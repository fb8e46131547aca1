import Foundation

/// Bounds the tree the HTML5 parser will build, on the page's bytes, before it is parsed.
///
/// - Depth: markup nested deeper than `maxDepth` is flattened, as browsers cap their trees
///   (Blink's parser stops nesting at 512): start tags past the cap, and as many end tags after
///   them, are cut, and the text between them stays. The tree-construction rules check scopes
///   by walking the stack of open elements, so 100,000 nested `<div>`s would cost 100,000²
///   steps. Depth is counted on bytes: start tags of elements that have an end tag and do not
///   close on their siblings (`<p>`, `<li>`, `<td>`… do) add one, end tags take one off, `/>`
///   adds none.
/// - Size: the page ends before the tag that would make more than `maxNodes` elements and
///   text runs, since the parser's tree costs about 250 bytes a node (a million links: 500 MB).
///
/// Guarantees: a page within both bounds comes back unchanged (`nil`, no copy); one pass with
/// `memchr`, linear in the input.
enum TreeBounds {
    static let maxDepth = 512

    /// The page with its over-deep tags cut and its tail past `maxNodes` dropped, or nil when
    /// it is within both bounds.
    static func bounded(_ b: UnsafeBufferPointer<UInt8>, maxDepth: Int = maxDepth, maxNodes: Int) -> [UInt8]? {
        var cuts: [Range<Int>] = []
        var depth = 0, excess = 0, i = 0, nodes = 0, end = b.count
        while let lt = ByteScan.next(UInt8(ascii: "<"), in: b, from: i) {
            if lt > i { nodes += 1 }  // a text run, roughly: whitespace between tags counts too
            i = lt + 1
            guard lt + 2 < b.count, let gt = ByteScan.next(UInt8(ascii: ">"), in: b, from: lt + 1) else { break }
            let closing = b[lt + 1] == UInt8(ascii: "/")
            let nameStart = closing ? lt + 2 : lt + 1
            guard nameStart < gt, isLetter(b[nameStart]) else { continue }
            var nameEnd = nameStart
            while nameEnd < gt, isNameByte(b[nameEnd]) { nameEnd += 1 }
            guard counts(b, nameStart..<nameEnd) else { continue }
            if closing {
                if excess > 0 {
                    excess -= 1
                    cuts.append(lt..<gt + 1)
                } else if depth > 0 {
                    depth -= 1
                }
            } else if b[gt - 1] != UInt8(ascii: "/") {
                nodes += 1
                if nodes > maxNodes {
                    end = lt
                    break
                }
                if depth >= maxDepth {
                    excess += 1
                    cuts.append(lt..<gt + 1)
                } else {
                    depth += 1
                }
            }
            i = gt + 1
        }
        guard !cuts.isEmpty || end < b.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var copied = 0
        for cut in cuts {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<cut.lowerBound]))
            copied = cut.upperBound
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<end]))
        return out
    }

    /// Void elements, and elements whose end tag the HTML rules imply (they close on a sibling
    /// or on their parent's end), never deepen the tree for long.
    /// Names packed into one integer each (`packed`): every one is at most 8 bytes.
    private static let uncounted: Set<UInt64> = Set([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp",
        "colgroup", "caption", "html", "head", "body",
    ].map { name in name.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } })

    private static func counts(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Bool {
        guard name.count <= 8 else { return true }
        var packed: UInt64 = 0
        for (k, i) in name.enumerated() { packed |= UInt64(b[i] | 0x20) << (8 * UInt64(k)) }
        return !uncounted.contains(packed)
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") }
}
