import Markup
/// Picks the element that holds the article, in a fixed order of evidence.
///
/// Order: `itemprop="articleBody"`; a class or id naming an article body
/// (`article-body`, `entry-content`, `post-content`, `story-body`, …); the `<article>`
/// with the most text; `<main>` or `role="main"`; finally the body itself.
enum ContainerFinder {
    static let bodyNames = [
        "article-body", "articlebody", "article__body", "article-content", "article__content", "entry-content",
        "post-content", "post-body", "story-body", "story-content", "content-body", "news-text", "article-text",
    ]

    static func container(in body: MarkupNode) -> MarkupNode {
        if let n = body.descendants(where: { $0.attribute("itemprop")?.lowercased() == "articlebody" }).first { return n }
        for name in bodyNames {
            let hits = body.descendants(where: { node in
                let names = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
                return names.contains(name)
            })
            if let best = hits.max(by: { $0.textContent.count < $1.textContent.count }) { return best }
        }
        let articles = body.descendants(where: { $0.name == "article" })
        if let best = articles.max(by: { $0.textContent.count < $1.textContent.count }) { return best }
        if let main = body.descendants(where: { $0.name == "main" || $0.attribute("role") == "main" }).first { return main }
        return body
    }
}
