/// Widens the article from the container `ContainerFinder` chose to the ancestors that only add
/// more of the article: the other blocks of an article split over sibling sections (page
/// builders, module layouts, one section per product) and the lead paragraphs above the body.
///
/// Rule: the container's parent replaces it when the text the parent adds (its text outside
/// the container, after pruning) is at least `widenProseShare` prose and at most
/// `widenLinkShare` link text; a parent that adds nothing is a wrapper and is passed through.
/// Repeated upwards; the body itself is never taken. Guarantees: the result contains the
/// container; linear in the depth.
struct ContainerWidener {
    let settings: NormalizerSettings

    func widen(_ container: Int, in tree: PageTree) -> Int {
        var current = container
        while case let parent = Int(tree[current].parent), parent > 0 {
            let outer = tree[parent], inner = tree[current]
            let added = Double(outer.textBytes - inner.textBytes)
            if added > 0 {
                let prose = Double(outer.proseBytes - inner.proseBytes), links = Double(outer.linkBytes - inner.linkBytes)
                guard prose >= settings.widenProseShare * added, links <= settings.widenLinkShare * added else { break }
            }
            current = parent
        }
        let gained = Double(tree[current].proseBytes - tree[container].proseBytes)
        return gained >= settings.widenMinGain * Double(tree[container].proseBytes) ? current : container
    }
}
