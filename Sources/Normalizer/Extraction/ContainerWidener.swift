/// Widens the article from the container `ContainerFinder` chose to an ancestor that only adds
/// more of the article: the other blocks of an article split over sibling sections (page
/// builders, module layouts, one section per product) and the paragraphs around the body.
///
/// Rule: of the next `widenMaxClimbs` ancestors (the body never), the highest one whose text
/// outside the container (after pruning) is at least `widenProseShare` prose and at most
/// `widenLinkShare` link text; the climb stops at the first ancestor that fails once one has
/// passed, and goes on past failures before that (a small link-heavy column beside the
/// container is outweighed higher up). The widening is kept only when the ancestor's prose is
/// at least `1 + widenMinGain` times the container's: a whole article with an author box or
/// teasers beside it stays as it was. Guarantees: the result contains the container; at most
/// `widenMaxClimbs` steps.
struct ContainerWidener {
    let settings: NormalizerSettings

    func widen(_ container: Int, in tree: PageTree) -> Int {
        let inner = tree[container]
        var best = container, current = container, climbs = 0
        while case let parent = Int(tree[current].parent), parent > 0, climbs < settings.widenMaxClimbs {
            current = parent
            climbs += 1
            let outer = tree[current]
            let added = Double(outer.textBytes - inner.textBytes)
            guard added > 0 else { best = current; continue }
            let prose = Double(outer.proseBytes - inner.proseBytes), links = Double(outer.linkBytes - inner.linkBytes)
            if prose >= settings.widenProseShare * added, links <= settings.widenLinkShare * added {
                best = current
            } else if best != container {
                break
            }
        }
        let gained = Double(tree[best].proseBytes - inner.proseBytes)
        return gained >= settings.widenMinGain * Double(inner.proseBytes) ? best : container
    }
}
