import Markup
import Foundation
import Timestamps

/// Reads `PageMetadata` from a parsed page: `<meta>` (Open Graph, article:*, Dublin Core),
/// `<link rel=canonical>`, `<html lang>`, the first `<h1>`, `<time datetime>` and JSON-LD
/// (`NewsArticle`, `Article`, `BlogPosting`, including `@graph` lists).
enum MetadataReader {
    static func read(_ root: MarkupNode) -> PageMetadata {
        var m = PageMetadata()
        m.language = root.attribute("lang").map { String($0.prefix(2)).lowercased() }
        var dates: [String] = []
        forEachElement(below: root) { node, tag in
            switch tag {
            case .meta: readMeta(node, into: &m, dates: &dates)
            case .link:
                if node.attribute("rel")?.lowercased() == "canonical" { m.canonicalURL = m.canonicalURL ?? node.attribute("href") }
            case .title: m.htmlTitle = m.htmlTitle ?? TextNormalizer.paragraph(node.textContent)
            case .h1: m.headline = m.headline ?? TextNormalizer.paragraph(node.textContent)
            case .time: if let d = node.attribute("datetime") { dates.append(d) }
            case .script:
                if node.attribute("type")?.lowercased() == "application/ld+json" {
                    readJSONLD(node.textContent, into: &m, dates: &dates)
                }
            default: break
            }
        }
        m.published = dates.lazy.compactMap(TimestampParser.parse).first
        return m
    }

    /// Calls `body` for every element below `root` that metadata comes from, in document
    /// order, iteratively and to at most `maxDepth` levels.
    private static func forEachElement(below root: MarkupNode, maxDepth: Int = 512, _ body: (MarkupNode, HTMLTag) -> Void) {
        var stack: [MarkupNode] = []
        var next = root.firstChild
        while true {
            guard let node = next else {
                guard let parent = stack.popLast() else { return }
                next = parent.nextSibling
                continue
            }
            guard let name = node.rawName else { next = node.nextSibling; continue }
            let tag = HTMLTag.named(name)
            if metadataTags.contains(tag) { body(node, tag) }
            if tag == .script || tag == .style || tag == .svg || stack.count >= maxDepth || node.firstChild == nil {
                next = node.nextSibling
            } else {
                stack.append(node)
                next = node.firstChild
            }
        }
    }

    private static let metadataTags: Set<HTMLTag> = [.meta, .link, .title, .h1, .time, .script]

    private static func readMeta(_ node: MarkupNode, into m: inout PageMetadata, dates: inout [String]) {
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
        guard let content = node.attribute("content").map(TextNormalizer.paragraph), !content.isEmpty else { return }
        switch key {
        case "og:title": m.openGraphTitle = m.openGraphTitle ?? content
        case "og:site_name", "application-name": m.siteName = m.siteName ?? content
        case "og:url": m.canonicalURL = m.canonicalURL ?? content
        case "article:published_time", "datepublished", "pubdate", "publish-date", "date", "dc.date.issued", "dc.date":
            dates.insert(content, at: 0)
        default: break
        }
    }

    private static func readJSONLD(_ json: String, into m: inout PageMetadata, dates: inout [String]) {
        guard let data = json.data(using: .utf8), data.count < 1 << 20,
              let value = try? JSONSerialization.jsonObject(with: data) else { return }
        for object in articleObjects(value) {
            if let headline = object["headline"] as? String { m.headline = m.headline ?? TextNormalizer.paragraph(headline) }
            if let body = object["articleBody"] as? String { m.jsonLDBody = m.jsonLDBody ?? body }
            if let date = object["datePublished"] as? String { dates.insert(date, at: 0) }
            if let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String {
                m.siteName = m.siteName ?? name
            }
        }
    }

    private static func articleObjects(_ value: Any) -> [[String: Any]] {
        if let list = value as? [Any] { return list.flatMap(articleObjects) }
        guard let object = value as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return articleObjects(graph) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        return types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" }) ? [object] : []
    }
}
