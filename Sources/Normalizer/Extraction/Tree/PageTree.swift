import Markup

/// One element or text run of a `PageTree`.
struct PageNode {
    var tag: HTMLTag
    var parent: Int32
    /// One past the index of this node's last descendant: the subtree is `index..<end`.
    var end: Int32 = 0
    var hints: ClassHints = []
    var removed = false
    /// Non-space bytes of text in the subtree, those inside links, and commas.
    var textBytes: Int32 = 0
    var linkBytes: Int32 = 0
    var commas: Int32 = 0
    /// Descendant `<p>` elements (and the node itself when it is one).
    var paragraphs: Int32 = 0
}

/// A flat, document-order copy of a page's body that extraction can score and prune cheaply.
///
/// Guarantees: one walk of the libxml2 tree builds it, iteratively (no recursion), to at
/// most `maxDepth` levels; whitespace-only text is left out; text is kept as pointers into
/// the parsed document, so the tree must not outlive its `MarkupDocument`. Subtree sums
/// (`textBytes`, `linkBytes`, `commas`, `paragraphs`) are exact for the tree as built;
/// `remove(_:)` only flags a subtree, and later walks skip flagged subtrees.
struct PageTree {
    private(set) var nodes: [PageNode] = []
    private(set) var markup: [MarkupNode] = []
    private var hintReader = ClassHintReader()

    init(body: MarkupNode, maxDepth: Int) {
        var stack: [(node: MarkupNode, index: Int32)] = []
        var insideLink = 0
        append(body, parent: -1, tag: .body, hints: [])
        var next: MarkupNode? = body.firstChild
        var parentIndex: Int32 = 0
        stack.append((body, 0))
        // Iterative pre-order walk; `stack` holds the open elements.
        while true {
            guard let current = next else {
                // Close the innermost open element and continue with its next sibling.
                let closed = stack.removeLast()
                nodes[Int(closed.index)].end = Int32(nodes.count)
                if nodes[Int(closed.index)].tag == .a { insideLink -= 1 }
                if stack.isEmpty { break }
                parentIndex = stack.last!.index
                next = closed.node.nextSibling
                continue
            }
            if current.isText {
                if let raw = current.rawContent, let counts = Self.count(raw) {
                    let i = append(current, parent: parentIndex, tag: .text, hints: [])
                    nodes[i].textBytes = counts.bytes
                    nodes[i].commas = counts.commas
                    nodes[i].end = Int32(i + 1)
                    if insideLink > 0 { nodes[i].linkBytes = counts.bytes }
                }
                next = current.nextSibling
            } else if current.isElement, stack.count < maxDepth,
                      case let tag = current.rawName.map(HTMLTag.named) ?? .other, !tag.isNonContent,
                      case let hints = readHints(current), !hints.contains(.hidden) {
                // Non-content and hidden elements are left out with everything inside them.
                let i = Int32(append(current, parent: parentIndex, tag: tag, hints: hints))
                if tag == .a { insideLink += 1 }
                stack.append((current, i))
                parentIndex = i
                next = current.firstChild
            } else {
                next = current.nextSibling
            }
        }
        sumSubtrees()
    }

    var count: Int { nodes.count }
    subscript(i: Int) -> PageNode { nodes[i] }

    /// Flags a subtree as removed.
    mutating func remove(_ i: Int) { nodes[i].removed = true }

    /// The node's text-node contents, in order, skipping removed subtrees.
    func texts(in i: Int) -> [UnsafePointer<UInt8>] {
        var out: [UnsafePointer<UInt8>] = []
        var j = i
        let end = Int(nodes[i].end)
        while j < end {
            if nodes[j].removed { j = Int(nodes[j].end); continue }
            if nodes[j].tag == .text, let raw = markup[j].rawContent { out.append(raw) }
            j += 1
        }
        return out
    }

    /// The direct children of `i` that are not removed.
    func children(of i: Int) -> [Int] {
        var out: [Int] = []
        var j = i + 1
        let end = Int(nodes[i].end)
        while j < end {
            if !nodes[j].removed { out.append(j) }
            j = Int(nodes[j].end)
        }
        return out
    }

    /// Whether `inner` lies in the subtree of `outer`.
    func contains(_ outer: Int, _ inner: Int) -> Bool { inner >= outer && inner < Int(nodes[outer].end) }

    @discardableResult
    private mutating func append(_ node: MarkupNode, parent: Int32, tag: HTMLTag, hints: ClassHints) -> Int {
        var n = PageNode(tag: tag, parent: parent)
        n.hints = hints
        if n.tag == .p { n.paragraphs = 1 }
        nodes.append(n)
        markup.append(node)
        return nodes.count - 1
    }

    private mutating func readHints(_ node: MarkupNode) -> ClassHints {
        var names: [UInt8] = []
        var extra: ClassHints = []
        node.forEachAttribute { name, value in
            guard let value else {
                if Self.equal(name, "hidden") { extra.insert(.hidden) }
                return
            }
            switch name[0] {
            case UInt8(ascii: "c") where Self.equal(name, "class"), UInt8(ascii: "i") where Self.equal(name, "id"):
                if !names.isEmpty { names.append(0x20) }
                Self.appendLowercased(value, to: &names)
            case UInt8(ascii: "i") where Self.equal(name, "itemprop"):
                if Self.lowercased(value) == Array("articlebody".utf8) { extra.insert(.itemBody) }
            case UInt8(ascii: "r") where Self.equal(name, "role"):
                let role = Self.lowercased(value)
                if ["navigation", "banner", "contentinfo", "complementary"].contains(where: { Array($0.utf8) == role }) {
                    extra.insert(.landmark)
                }
            case UInt8(ascii: "s") where Self.equal(name, "style"):
                let style = Self.lowercased(value).filter { $0 != 0x20 }
                if ClassHintReader.contains(style, Array("display:none".utf8))
                    || ClassHintReader.contains(style, Array("visibility:hidden".utf8)) {
                    extra.insert(.hidden)
                }
            case UInt8(ascii: "h") where Self.equal(name, "hidden"):
                extra.insert(.hidden)
            default: break
            }
        }
        return hintReader.hints(names: names).union(extra)
    }

    /// Adds each subtree's sums into its parent, children before parents.
    private mutating func sumSubtrees() {
        for i in stride(from: nodes.count - 1, to: 0, by: -1) {
            let p = Int(nodes[i].parent)
            guard p >= 0 else { continue }
            nodes[p].textBytes += nodes[i].textBytes
            nodes[p].linkBytes += nodes[i].linkBytes
            nodes[p].commas += nodes[i].commas
            nodes[p].paragraphs += nodes[i].paragraphs
        }
    }

    /// Non-space bytes and commas of a text run; nil when it is all white space.
    private static func count(_ raw: UnsafePointer<UInt8>) -> (bytes: Int32, commas: Int32)? {
        var bytes: Int32 = 0, commas: Int32 = 0, i = 0
        while raw[i] != 0 {
            let b = raw[i]
            if b > 0x20 { bytes += 1 }
            if b == UInt8(ascii: ",") { commas += 1 }
            i += 1
        }
        return bytes == 0 ? nil : (bytes, commas)
    }

    private static func equal(_ raw: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        let p = name.utf8Start
        for k in 0..<n where raw[k] | 0x20 != p[k] { return false }
        return raw[n] == 0
    }

    private static func lowercased(_ raw: UnsafePointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        appendLowercased(raw, to: &out)
        return out
    }

    private static func appendLowercased(_ raw: UnsafePointer<UInt8>, to out: inout [UInt8]) {
        var i = 0
        while raw[i] != 0 {
            let b = raw[i]
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
    }
}
