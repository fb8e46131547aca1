import Foundation

/// Reads the article objects of a JSON-LD block (`NewsArticle`, `Article`, `BlogPosting`…,
/// including `@graph` lists) into `PageMetadata`.
///
/// Guarantees: blocks over `maxBytes` or that are not JSON are ignored, never an error;
/// values already set by earlier sources are kept.
enum JSONLDReader {
    static let maxBytes = 1 << 20

    static func read(_ json: [UInt8], into m: inout PageMetadata) {
        guard json.count < maxBytes, let value = try? JSONSerialization.jsonObject(with: Data(json)) else { return }
        let articles = articleObjects(value)
        let people = namedObjects(value)
        // A page without an article object often dates itself as a WebPage: trusted after any article date.
        for page in pageObjects(value) where articles.isEmpty {
            if let date = page["datePublished"] as? String { m.publishedCandidates.append(date) }
            if let date = page["dateModified"] as? String { m.modifiedCandidates.append(date) }
        }
        for object in articles {
            if let headline = object["headline"] as? String { m.headline = m.headline ?? TextNormalizer.paragraph(headline) }
            if let body = object["articleBody"] as? String { m.jsonLDBody = m.jsonLDBody ?? body }
            if let date = object["datePublished"] as? String { m.publishedCandidates.insert(date, at: 0) }
            if let date = object["dateModified"] as? String { m.modifiedCandidates.insert(date, at: 0) }
            if let text = object["description"] as? String { m.description = m.description ?? TextNormalizer.paragraph(text) }
            if let lang = object["inLanguage"] as? String { m.language = m.language ?? Self.languageCode(lang) }
            if let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String {
                m.siteName = m.siteName ?? name
            }
            names(object["author"], people).forEach { m.addAuthor($0) }
        }
    }

    /// "en-US" → "en".
    static func languageCode(_ tag: String) -> String? {
        let code = tag.prefix { $0.isLetter }.lowercased()
        return (2...3).contains(code.count) ? code : nil
    }

    /// Names in an author value: strings, objects with a name, or `{"@id": …}` references to
    /// a named object elsewhere in the block (`people`, by `@id`).
    private static func names(_ value: Any?, _ people: [String: String]) -> [String] {
        if let name = value as? String { return [name] }
        if let object = value as? [String: Any] {
            if let name = object["name"] as? String { return [name] }
            return (object["@id"] as? String).flatMap { people[$0] }.map { [$0] } ?? []
        }
        if let list = value as? [Any] { return list.flatMap { names($0, people) } }
        return []
    }

    /// The name of every object with an `@id` and a name, looking into lists and `@graph`.
    private static func namedObjects(_ value: Any) -> [String: String] {
        var found: [String: String] = [:]
        func visit(_ value: Any) {
            if let list = value as? [Any] { list.forEach(visit) }
            guard let object = value as? [String: Any] else { return }
            if let id = object["@id"] as? String, let name = object["name"] as? String { found[id] = found[id] ?? name }
            if let graph = object["@graph"] { visit(graph) }
        }
        visit(value)
        return found
    }

    private static func articleObjects(_ value: Any) -> [[String: Any]] {
        objects(value) { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }
    }

    private static func pageObjects(_ value: Any) -> [[String: Any]] {
        objects(value) { $0.hasSuffix("WebPage") }
    }

    /// The objects (looking into lists and `@graph`) whose `@type` satisfies `isWanted`.
    private static func objects(_ value: Any, _ isWanted: (String) -> Bool) -> [[String: Any]] {
        if let list = value as? [Any] { return list.flatMap { objects($0, isWanted) } }
        guard let object = value as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return objects(graph, isWanted) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        return types.contains(where: isWanted) ? [object] : []
    }
}
