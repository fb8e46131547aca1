import Markup
/// Drops the parts of a page that are never article text, in place.
///
/// Removes non-content elements (scripts, navigation, header, footer, aside, forms, media
/// and frames) and blocks whose class or id names a boilerplate role (share bars, related
/// lists, comments, newsletter and cookie boxes, ads, breadcrumbs, menus). Guarantee:
/// a block matched only by its class or id is kept when it holds more than
/// `pruneGuardFraction` of the page's text, so a mislabelled article body survives.
struct TreePruner {
    let settings: NormalizerSettings

    static let nonContentTags: Set<String> = [
        "script", "style", "noscript", "iframe", "svg", "nav", "header", "footer", "aside", "form", "button",
        "select", "textarea", "input", "template", "figure", "object", "embed", "canvas", "video", "audio",
        "map", "dialog", "menu", "link", "meta",
    ]

    /// Substrings of class/id values that mark boilerplate blocks.
    static let roleSubstrings = [
        "share", "social", "related", "comment", "newsletter", "subscri", "cookie", "consent", "advert",
        "sponsor", "breadcrumb", "sidebar", "widget", "popup", "modal", "promo", "outbrain", "taboola",
        "recommend", "more-stories", "most-read", "trending", "author-box", "pagination", "toolbar", "masthead",
    ]

    /// Whole class/id tokens (split on space, '-' and '_') that mark boilerplate blocks.
    static let roleTokens: Set<String> = ["ad", "ads", "nav", "navbar", "menu", "tags", "bio", "banner", "footer", "header"]

    func prune(_ body: MarkupNode) {
        let total = max(1, body.textContent.count)
        var doomed: [MarkupNode] = []
        func walk(_ node: MarkupNode, _ depth: Int) {
            guard depth < 512 else { return }
            for child in node.children where child.isElement {
                if Self.nonContentTags.contains(child.name) {
                    doomed.append(child)
                } else if hasBoilerplateRole(child),
                          Double(child.textContent.count) / Double(total) <= settings.pruneGuardFraction {
                    doomed.append(child)
                } else {
                    walk(child, depth + 1)
                }
            }
        }
        walk(body, 0)
        doomed.forEach { $0.remove() }
    }

    private func hasBoilerplateRole(_ node: MarkupNode) -> Bool {
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return false }
        let names = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        if names.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        if node.attribute("role").map({ ["navigation", "complementary", "banner", "contentinfo"].contains($0) }) == true { return true }
        if Self.roleSubstrings.contains(where: { names.contains($0) }) { return true }
        let tokens = names.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        return tokens.contains(where: { Self.roleTokens.contains($0) })
    }
}
