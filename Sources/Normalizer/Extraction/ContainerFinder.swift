/// Picks the elements that hold the article, in a fixed order of evidence.
///
/// Order: the element marked `itemprop="articleBody"`, else the one whose class or id names
/// an article body (`article-body`, `entry-content`, …), taking the one with most text;
/// such a pattern container wins when it contains the best-scored element (`ContentScorer`)
/// or holds at least `patternContainerFraction` of its text. Otherwise the
/// best-scored element is taken with the siblings that score well or are plain paragraphs
/// (readability's sibling rule). Guarantees: the result is never empty (at worst the body).
struct ContainerFinder {
    let settings: NormalizerSettings

    func containers(in tree: PageTree) -> [Int] {
        var chosen = chosenContainers(in: tree)
        if let first = chosen.first, case let widened = ContainerWidener(settings: settings).widen(first, in: tree),
           widened != first, chosen.allSatisfy({ tree.contains(widened, $0) }) {
            chosen = [widened]
        }
        guard let first = chosen.first, first > 0 else { return chosen }
        return LeadFinder(settings: settings).leads(before: first, in: tree) + chosen
    }

    private func chosenContainers(in tree: PageTree) -> [Int] {
        let scores = ContentScorer(settings: settings).scores(tree)
        let best = scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        if let pattern = patternContainer(tree) {
            guard let best else { return [pattern] }
            if tree.contains(pattern, best.key)
                || Double(tree[pattern].textBytes) >= settings.patternContainerFraction * Double(tree[best.key].textBytes) {
                return [pattern]
            }
        }
        guard let best else { return [0] }
        let top = betterTop(best.key, tree: tree, scores: scores)
        return withSiblings(top, score: scores[top] ?? best.value, tree: tree, scores: scores)
    }

    /// Readability's corrections of the best-scored element, for articles split into columns
    /// or blocks: the nearest ancestor holding at least three candidates that score within
    /// `alternativeScoreFraction` of the best; else an ancestor that scores higher than the
    /// element below it (stopping when scores fall under a third); then up through parents
    /// that have no other child.
    private func betterTop(_ best: Int, tree: PageTree, scores: [Int: Double]) -> Int {
        var top = best
        let topScore = scores[best] ?? 0
        let alternatives = scores.filter { $0.key != best && $0.value >= topScore * settings.alternativeScoreFraction }
            .sorted { $0.value > $1.value }.prefix(settings.alternativeCandidates).map(\.key)
        if alternatives.count >= settings.minAlternativeCandidates {
            var ancestor = Int(tree[best].parent)
            while ancestor > 0 {
                if alternatives.filter({ tree.contains(ancestor, $0) }).count >= settings.minAlternativeCandidates {
                    top = ancestor
                    break
                }
                ancestor = Int(tree[ancestor].parent)
            }
        }
        if top == best {
            var lastScore = topScore
            var parent = Int(tree[top].parent)
            while parent > 0 {
                guard let score = scores[parent] else { parent = Int(tree[parent].parent); continue }
                if score < topScore / 3 { break }
                if score > lastScore {
                    top = parent
                    break
                }
                lastScore = score
                parent = Int(tree[parent].parent)
            }
        }
        while top > 0, tree.children(of: Int(tree[top].parent)).filter({ tree[$0].tag != .text }).count == 1,
              tree[top].parent > 0 {
            top = Int(tree[top].parent)
        }
        return top
    }

    private func patternContainer(_ tree: PageTree) -> Int? {
        for hint in [ClassHints.itemBody, .articleBody] {
            var found: Int?
            for i in 0..<tree.count where tree[i].hints.contains(hint) && !tree[i].removed
                && Int(tree[i].textBytes) >= settings.minContainerBytes {
                if found == nil || tree[i].textBytes > tree[found!].textBytes { found = i }
            }
            if let found { return found }
        }
        return nil
    }

    private func withSiblings(_ top: Int, score: Double, tree: PageTree, scores: [Int: Double]) -> [Int] {
        let parent = Int(tree[top].parent)
        guard parent >= 0 else { return [top] }
        let threshold = max(settings.minSiblingScore, score * settings.siblingScoreFraction)
        let scorer = ContentScorer(settings: settings)
        return tree.children(of: parent).filter { s in
            if s == top { return true }
            let node = tree[s]
            if node.tag == .text { return false }
            if let sc = scores[s], sc >= threshold { return true }
            return node.tag == .p && Int(node.textBytes) > settings.siblingParagraphBytes
                && scorer.linkDensity(node) < settings.siblingParagraphLinkDensity
        }
    }
}
