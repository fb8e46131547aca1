/// Readability-style scores: which element of a `PageTree` holds the most article-like text.
///
/// Each paragraph-like element (p, pre, td, blockquote, or a div whose own text runs, directly
/// or through inline wrappers, are long)
/// with at least `minParagraphBytes` of text scores 1 + its commas + one point per 100 bytes
/// (at most 3). The score goes to its parent in full, its grandparent by half, and to the three
/// ancestors above by a third of their level. An ancestor starts from a weight by tag (div +5,
/// pre/td/blockquote +3, lists and forms −3, headings −5) and by class (`classWeight` up for
/// article-like names, down for boilerplate-like ones); its final score is scaled by
/// 1 − link density. Guarantees: linear in the tree; removed subtrees score nothing.
struct ContentScorer {
    let settings: NormalizerSettings

    /// Final scores by node index; nodes that received nothing are absent.
    func scores(_ tree: PageTree) -> [Int: Double] {
        // Accumulated in an array (NaN: no score yet), then handed over as a dictionary of the
        // nodes that got one: a paragraph updates five ancestors, and hashing each was costly.
        var scores = [Double](repeating: .nan, count: tree.count)
        // A block's own text: the runs whose nearest block it is, through inline wrappers
        // (`<span>` runs between `<br>`s are a div's paragraph too).
        var ownText = [Int32](repeating: 0, count: tree.count)
        var block = [Int32](repeating: 0, count: tree.count)
        for i in 1..<max(1, tree.count) {
            let node = tree[i], parent = Int(node.parent)
            if node.tag == .text {
                ownText[Int(block[parent])] += node.textBytes
            } else {
                block[i] = node.tag.isBlock ? Int32(i) : block[parent]
            }
        }
        var i = 0
        while i < tree.count {
            let node = tree[i]
            if node.removed { i = Int(node.end); continue }
            let isParagraph = node.tag == .p || node.tag == .pre || node.tag == .td || node.tag == .blockquote
                || ((node.tag == .div || node.tag == .section) && Int(ownText[i]) >= settings.minParagraphBytes)
            if isParagraph, Int(node.textBytes) >= settings.minParagraphBytes {
                let points = 1 + Double(node.commas) + min(3, Double(node.textBytes) / 100)
                var ancestor = Int(node.parent), level = 0
                while ancestor >= 0, level < 5 {
                    if scores[ancestor].isNaN { scores[ancestor] = initialScore(tree[ancestor]) }
                    scores[ancestor] += points / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                    ancestor = Int(tree[ancestor].parent)
                    level += 1
                }
            }
            i += 1
        }
        var result: [Int: Double] = [:]
        for (k, v) in scores.enumerated() where !v.isNaN { result[k] = v * (1 - linkDensity(tree[k])) }
        return result
    }

    func linkDensity(_ node: PageNode) -> Double {
        node.textBytes == 0 ? 0 : Double(node.linkBytes) / Double(node.textBytes)
    }

    private func initialScore(_ node: PageNode) -> Double {
        var score: Double
        switch node.tag {
        case .div, .article, .section, .main: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        if node.hints.contains(.positive) || node.hints.contains(.itemBody) { score += settings.classWeight }
        if node.hints.contains(.negative) { score -= settings.classWeight }
        return score
    }
}
