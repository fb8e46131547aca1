/// Finds the lead of an article that sits above its container: the prose blocks just before
/// it, as a hero or standfirst section holds the first paragraphs apart from the body.
///
/// Rule: walking back from the container through its preceding siblings (and, when it has
/// none, its parent's, up to `leadMaxClimbs` levels), each element that holds a paragraph and
/// whose text is at least `leadProseShare` prose, at most `widenLinkShare` link text and
/// `leadMinBytes` long is a lead block; the walk stops at the first element with text that is not one (a headline,
/// a byline, a menu). Guarantees: only elements before the container, in document order;
/// nothing removed by pruning.
struct LeadFinder {
    let settings: NormalizerSettings

    func leads(before container: Int, in tree: PageTree) -> [Int] {
        var found: [Int] = []
        var current = container, climbs = 0
        while current > 0, climbs <= settings.leadMaxClimbs {
            let parent = Int(tree[current].parent)
            guard parent >= 0 else { break }
            let before = tree.children(of: parent).filter { $0 < current && tree[$0].tag != .text }
            for sibling in before.reversed() {
                let node = tree[sibling]
                guard node.textBytes > 0 else { continue }
                guard isLead(node) else { return found }
                found.insert(sibling, at: 0)
            }
            guard before.allSatisfy({ tree[$0].textBytes == 0 }) else { return found }
            current = parent
            climbs += 1
        }
        return found
    }

    private func isLead(_ node: PageNode) -> Bool {
        let text = Double(node.textBytes)
        return node.textBytes >= settings.leadMinBytes && node.paragraphs > 0 && Double(node.proseBytes) >= settings.leadProseShare * text
            && Double(node.linkBytes) <= settings.widenLinkShare * text && !node.tag.isHeading
    }
}
