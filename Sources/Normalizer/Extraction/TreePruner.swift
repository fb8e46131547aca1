/// Drops the parts of a page that are never article text, by flagging them in the `PageTree`.
///
/// Non-content elements (scripts, navigation, footer, aside, media, frames) never enter the
/// tree. This removes hidden blocks, page headers and forms, and blocks whose class or id names a boilerplate
/// role (share bars, related lists, comments, newsletter and cookie boxes, ads, breadcrumbs,
/// menus) and navigation landmarks. A name that also says "article", "content", "main"… is kept
/// unless the block is link-heavy or holds no paragraph. Guarantee: a block is never removed
/// on its name when it holds more than `pruneGuardFraction` of the page's text, and a block
/// named as the article body never is.
struct TreePruner {
    let settings: NormalizerSettings

    func prune(_ tree: inout PageTree) {
        let total = Double(max(1, tree[0].textBytes))
        let scorer = ContentScorer(settings: settings)
        var i = 1
        while i < tree.count {
            let node = tree[i]
            if node.tag != .text, isBoilerplate(node, scorer: scorer),
               Double(node.textBytes) / total <= settings.pruneGuardFraction {
                tree.remove(i)
                i = Int(node.end)
            } else {
                i += 1
            }
        }
        tree.recount(proseRunBytes: settings.proseRunBytes)
    }

    private func isBoilerplate(_ node: PageNode, scorer: ContentScorer) -> Bool {
        if node.hints.contains(.itemBody) || node.hints.contains(.articleBody) { return false }
        if node.hints.contains(.landmark) || node.hints.contains(.hidden) { return true }
        // The page's own article and main elements are never pruned by their class names.
        if node.tag == .article || node.tag == .main { return false }
        guard node.hints.contains(.boilerplate) else { return false }
        guard node.hints.contains(.maybeContent) else { return true }
        return node.paragraphs == 0 || scorer.linkDensity(node) > settings.maybeContentLinkDensity
    }
}
