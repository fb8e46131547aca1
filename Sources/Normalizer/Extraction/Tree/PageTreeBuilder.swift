import Markup

/// Builds a `PageTree` from the HTML event stream.
///
/// `<html>` and `<body>` are transparent (their content hangs from node 0); non-content
/// elements (`HTMLTag.isNonContent`, which includes `<head>`) and those deeper than
/// `maxDepth` are skipped with everything inside; after `maxNodes` nodes nothing more is
/// added, so a hostile page (a million links) costs bounded memory. Hidden elements stay, for `TreePruner`:
/// streamed server rendering hides a whole article until a script reveals it. Consecutive text
/// events become one run. A value type, so `PageParser` pays one exclusivity check per event.
struct PageTreeBuilder {
    private enum Frame { case node(Int32), transparent }

    private var nodes = [PageNode(tag: .body, parent: -1)]
    private var textStore: [UInt8] = []
    private var frames: [Frame] = []
    private var openNode: Int32 = 0
    private var skipDepth = 0
    private var insideLink = 0
    private var lastWasText = false
    private var hintReader = ClassHintReader()
    private let maxDepth: Int
    private let maxNodes: Int
    private let keepChrome: Bool
    private let proseRunBytes: Int

    /// `keepChrome`: keep `<nav>`, `<aside>` and `<footer>` as landmarks for `TreePruner` instead
    /// of skipping them, for pages whose broken markup nests the article inside one.
    init(maxDepth: Int, maxNodes: Int, proseRunBytes: Int, keepChrome: Bool) {
        self.maxDepth = maxDepth
        self.proseRunBytes = proseRunBytes
        self.maxNodes = maxNodes
        self.keepChrome = keepChrome
    }

    /// Adds the element; returns its hints (none when it is skipped), for the metadata reader.
    @discardableResult
    mutating func startElement(_ tag: HTMLTag, _ attributes: MarkupAttributes) -> ClassHints {
        lastWasText = false
        if skipDepth > 0 {
            skipDepth += 1
            return []
        }
        if tag == .html || tag == .body {
            frames.append(.transparent)
            return []
        }
        guard !tag.isNonContent || (keepChrome && tag.isChrome), frames.count < maxDepth, nodes.count < maxNodes else {
            skipDepth = 1
            return []
        }
        let hints = hintReader.hints(of: attributes)
        var node = PageNode(tag: tag, parent: openNode)
        // Headers and forms are pruned like landmarks, under the guard: some pages hold everything in one.
        node.hints = tag == .header || tag == .form || tag.isChrome ? hints.union(.landmark) : hints
        if tag == .p { node.paragraphs = 1 }
        if tag == .a { insideLink += 1 }
        nodes.append(node)
        openNode = Int32(nodes.count - 1)
        frames.append(.node(openNode))
        return hints
    }

    mutating func endElement() {
        lastWasText = false
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = frames.popLast() else { return }
        if case let .node(i) = frame { close(i) }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skipDepth == 0, lastWasText || nodes.count < maxNodes else { return }
        var nonSpace: Int32 = 0, commas: Int32 = 0
        for b in bytes {
            if b > 0x20 { nonSpace += 1 }
            if b == UInt8(ascii: ",") { commas += 1 }
        }
        if !lastWasText {
            var node = PageNode(tag: .text, parent: openNode)
            node.textStart = Int32(textStore.count)
            node.end = Int32(nodes.count + 1)
            nodes.append(node)
            lastWasText = true
        }
        textStore.append(contentsOf: bytes)
        let i = nodes.count - 1
        nodes[i].textLength += Int32(bytes.count)
        nodes[i].textBytes += nonSpace
        nodes[i].commas += commas
        if insideLink > 0 { nodes[i].linkBytes += nonSpace }
    }

    /// The finished tree: open elements closed, subtree sums added up.
    mutating func tree() -> PageTree {
        while let frame = frames.popLast() {
            if case let .node(i) = frame { close(i) }
        }
        nodes[0].end = Int32(nodes.count)
        var tree = PageTree(nodes: nodes, textStore: textStore)
        tree.sumUp(proseRunBytes: proseRunBytes)
        return tree
    }

    private mutating func close(_ i: Int32) {
        nodes[Int(i)].end = Int32(nodes.count)
        if nodes[Int(i)].tag == .a { insideLink -= 1 }
        openNode = nodes[Int(i)].parent
    }
}
