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
    /// Non-space bytes of running prose in the subtree: text outside links whose nearest block
    /// is a paragraph, quote, pre, heading or list item, or that runs long in a div.
    var proseBytes: Int32 = 0
    /// For a text run: where its bytes sit in the tree's text store.
    var textStart: Int32 = 0
    var textLength: Int32 = 0
}

/// A flat, document-order copy of a page's body that extraction can score and prune cheaply.
///
/// Guarantees: node 0 is the body; non-content elements and everything in them are absent, as is anything nested deeper than the builder's limit; text runs keep their bytes,
/// white space included, so words in neighbouring inline elements never run together. Subtree
/// sums (`textBytes`, `linkBytes`, `commas`, `paragraphs`, `proseBytes`) are exact for the tree as built,
/// and after `recount()` for what was not removed; `remove(_:)` only flags a subtree, and the
/// walks here skip flagged subtrees.
struct PageTree {
    private(set) var nodes: [PageNode]
    let textStore: [UInt8]

    init(nodes: [PageNode], textStore: [UInt8]) {
        self.nodes = nodes
        self.textStore = textStore
    }

    var count: Int { nodes.count }
    subscript(i: Int) -> PageNode { nodes[i] }

    /// Flags a subtree as removed. Call `recount()` once done removing.
    mutating func remove(_ i: Int) { nodes[i].removed = true }

    /// Recomputes every element's subtree sums without the removed subtrees, so link density
    /// and text size describe what is left (pruned comment threads no longer count as links).
    mutating func recount(proseRunBytes: Int) {
        for i in nodes.indices where nodes[i].tag != .text {
            nodes[i].textBytes = 0
            nodes[i].linkBytes = 0
            nodes[i].commas = 0
            nodes[i].paragraphs = nodes[i].tag == .p ? 1 : 0
            nodes[i].proseBytes = 0
        }
        sumUp(proseRunBytes: proseRunBytes)
    }

    /// Adds every node's own counts into its ancestors (skipping removed subtrees); element
    /// counts must be their own, as built, before the call. A text run of `proseRunBytes`
    /// outside links is prose wherever it stands.
    mutating func sumUp(proseRunBytes: Int) {
        // Each node's nearest block (itself when it is one): parents come before children.
        var block = [Int32](repeating: 0, count: nodes.count)
        for i in nodes.indices.dropFirst() {
            let node = nodes[i]
            if node.tag == .text {
                let own = node.textBytes - node.linkBytes
                nodes[i].proseBytes = nodes[Int(block[Int(node.parent)])].tag.isProseBlock || own >= proseRunBytes ? own : 0
            } else {
                block[i] = node.tag.isBlock ? Int32(i) : block[Int(node.parent)]
            }
        }
        for i in stride(from: nodes.count - 1, to: 0, by: -1) where !nodes[i].removed {
            let p = Int(nodes[i].parent)
            nodes[p].textBytes += nodes[i].textBytes
            nodes[p].linkBytes += nodes[i].linkBytes
            nodes[p].commas += nodes[i].commas
            nodes[p].paragraphs += nodes[i].paragraphs
            nodes[p].proseBytes += nodes[i].proseBytes
        }
    }


    /// The bytes of text run `i` (the parser hands over UTF-8; callers decode with repair).
    func textBytes(_ i: Int) -> ArraySlice<UInt8> {
        let start = Int(nodes[i].textStart)
        return textStore[start..<start + Int(nodes[i].textLength)]
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
}
