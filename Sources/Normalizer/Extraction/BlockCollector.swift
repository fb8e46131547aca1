import Markup
/// Turns a subtree into text blocks in document order.
///
/// Block-level elements (paragraphs, headings, list items, quotes, pre, table cells, divs…)
/// and `<br>` end a block; inline elements (links, emphasis, spans…) join their text into
/// the current block. Each block remembers its nearest block tag and its link text,
/// so lists and tables stay as text blocks and headings and block quotes are never lost.
struct BlockCollector {
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "caption", "figcaption", "address",
        "body", "center", "hr",
    ]

    private var blocks: [TextBlock] = []
    private var buffer = ""
    private var linkCharacters = 0
    private var tags: [String] = ["body"]

    static func blocks(of node: MarkupNode) -> [TextBlock] {
        var c = BlockCollector()
        c.visit(node, insideLink: false, depth: 0)
        c.flush()
        return c.blocks
    }

    private mutating func visit(_ node: MarkupNode, insideLink: Bool, depth: Int) {
        guard depth < 512 else { return }
        for child in node.children {
            if child.isText {
                let t = child.ownText
                buffer += t
                if insideLink { linkCharacters += t.count }
                continue
            }
            guard child.isElement else { continue }
            let name = child.name
            if name == "br" {
                flush()
            } else if Self.blockTags.contains(name) {
                flush()
                tags.append(name)
                visit(child, insideLink: insideLink, depth: depth + 1)
                flush()
                tags.removeLast()
            } else {
                visit(child, insideLink: insideLink || name == "a", depth: depth + 1)
            }
        }
    }

    private mutating func flush() {
        let text = TextNormalizer.paragraph(buffer)
        if !text.isEmpty {
            blocks.append(TextBlock(tag: tags.last ?? "body", text: text, linkCharacters: min(linkCharacters, text.count)))
        }
        buffer = ""
        linkCharacters = 0
    }
}
