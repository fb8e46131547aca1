/// Turns subtrees of a `PageTree` into text blocks in document order.
///
/// Block-level elements (paragraphs, headings, list items, quotes, pre, table cells, divs…)
/// and `<br>` end a block; inline elements (links, emphasis, spans…) join their text into
/// the current block. Each block remembers its nearest block tag and its link text, so lists
/// and tables stay as text blocks and headings and block quotes are never lost. Inside the
/// article, lists, tables and divs that are mostly links, or named like boilerplate and
/// link-heavy, are left out (readability's conditional cleaning).
struct BlockCollector {
    let tree: PageTree
    let settings: NormalizerSettings
    private var blocks: [TextBlock] = []
    private var buffer: [UInt8] = []
    private var linkBytes = 0
    private var tags: [HTMLTag] = [.body]

    static func blocks(of roots: [Int], in tree: PageTree, settings: NormalizerSettings) -> [TextBlock] {
        var c = BlockCollector(tree: tree, settings: settings)
        for root in roots {
            if tree[root].tag == .text {
                c.addText(root, insideLink: false)
            } else {
                c.tags.append(tree[root].tag)
                c.visit(root, insideLink: tree[root].tag == .a)
                c.tags.removeLast()
            }
            c.flush()
        }
        return c.blocks
    }

    private mutating func visit(_ i: Int, insideLink: Bool) {
        var j = i + 1
        let end = Int(tree[i].end)
        while j < end {
            let node = tree[j]
            defer { j = Int(node.end) }
            if node.removed { continue }
            switch node.tag {
            case .text: addText(j, insideLink: insideLink)
            case .br, .hr: flush()
            case let tag where tag.isBlock:
                if isClutter(node) { continue }
                flush()
                tags.append(tag)
                visit(j, insideLink: insideLink)
                flush()
                tags.removeLast()
            default:
                visit(j, insideLink: insideLink || node.tag == .a)
            }
        }
    }

    private mutating func addText(_ i: Int, insideLink: Bool) {
        let bytes = tree.textBytes(i)
        buffer.append(contentsOf: bytes)
        if insideLink { linkBytes += bytes.count }
    }

    private func isClutter(_ node: PageNode) -> Bool {
        guard [.ul, .ol, .table, .div, .section, .dl].contains(node.tag), node.textBytes > 0 else { return false }
        let density = Double(node.linkBytes) / Double(node.textBytes)
        if node.hints.contains(.negative) && !node.hints.contains(.maybeContent) && density > settings.negativeLinkDensity {
            return true
        }
        return density > settings.maxLinkDensity && node.paragraphs <= 1
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let text = TextNormalizer.paragraph(String(decoding: buffer, as: UTF8.self))
        if !text.isEmpty {
            let density = min(1, Double(linkBytes) / Double(buffer.count))
            blocks.append(TextBlock(tag: tags.last ?? .body, text: text, linkDensity: density))
        }
        buffer.removeAll(keepingCapacity: true)
        linkBytes = 0
    }
}
