import Foundation

/// Reads one feed from element events (start, text, end) the way feedparser's reader does,
/// so that every feed dialect it accepts (RSS 0.9x–2.0, RDF, Atom 0.3/1.0, CDF, and the
/// Dublin Core, content, iTunes and Media RSS modules) yields the same fields.
///
/// One state machine serves every format, as in feedparser: `item` and `entry` both open an
/// entry, `guid` and `id` both give its id, `description`, `summary` and `content` are told
/// apart by what came first. Elements are named by canonical prefix (see `FeedNamespaces`)
/// and lowercased.
///
/// Guarantees: events in any order never trap (unbalanced ends are ignored); values are
/// trimmed; a relative link or id is resolved against `xml:base` or the document URL;
/// text constructs keep their content type (`FeedText`), so that escaped HTML is told from
/// plain text that happens to contain `<`.
final class FeedEventReader {
    struct OpenElement {
        var name: String
        var expectingText: Bool
        var pieces: [String]
    }

    struct ContentParameters {
        var type: String
        var base64: Bool
    }

    var version = ""
    let feed = FeedContext()
    var entries: [FeedContext] = []
    let image = FeedContext()
    let textInput = FeedContext()
    let source = FeedContext()

    var stack: [OpenElement] = []
    var content: ContentParameters?
    var inFeed = false, inEntry = false, inContent = 0, inTextInput = false, inImage = false
    var inAuthor = false, inContributor = false, inPublisher = false, inSource = false
    var hasContent = false
    var summaryKey: String?
    var titleDepth = -1
    var depth = 0
    var guidIsLink = false
    var baseURI: String
    var baseStack: [String] = []

    init(baseURI: String) {
        self.baseURI = baseURI
    }

    // MARK: events

    /// A start tag: `name` as `prefix:local` or `local`, attribute names likewise, lowercased.
    func start(_ name: String, _ attributeList: [(String, String)]) {
        depth += 1
        var attributes: [String: String] = [:]
        for (key, value) in attributeList {
            let k = key.lowercased()
            attributes[k] = k == "rel" || k == "type" ? value.lowercased() : value
        }
        if let base = attributes["xml:base"] ?? attributes["base"] { baseURI = FeedURL.base(baseURI, base) }
        baseStack.append(baseURI)

        if inContent > 0, let type = content?.type, !type.hasSuffix("xml") {
            if name == "xhtml:div" || name == "div" { return }
            content?.type = "application/xhtml+xml"
        }
        if inContent > 0, content?.type == "application/xhtml+xml" {
            let local = name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
            let attrs = attributeList.map { " \($0.0)=\"\(Self.escape($0.1, quotes: true))\"" }.joined()
            return text("<\(local)\(attrs)>", escape: false)
        }
        let hasPrefix = name.hasASCII(":")
        let handlerName = name.replacingASCII(":", with: "_")
        if !hasPrefix && !["title", "link", "description", "name"].contains(name) { inTextInput = false }
        if !hasPrefix && !["title", "link", "description", "url", "href", "width", "height"].contains(name) { inImage = false }
        if !startHandler(handlerName, attributes) {
            if attributes.isEmpty { push(handlerName, expectingText: true) }
        }
    }

    func end(_ name: String) {
        let handlerName = name.replacingASCII(":", with: "_")
        if !endHandler(handlerName) { _ = pop(handlerName) }
        if inContent > 0, let type = content?.type, !type.hasSuffix("xml") {
            if name == "xhtml:div" || name == "div" { return }
            content?.type = "application/xhtml+xml"
        }
        if inContent > 0, content?.type == "application/xhtml+xml" {
            let local = name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
            text("</\(local)>", escape: false)
        }
        if !baseStack.isEmpty {
            baseStack.removeLast()
            if let last = baseStack.last, !last.isEmpty { baseURI = last }
        }
        depth -= 1
    }

    func text(_ text: String, escape: Bool = true) {
        guard !stack.isEmpty else { return }
        let piece = escape && content?.type == "application/xhtml+xml" ? Self.escape(text, quotes: false) : text
        stack[stack.count - 1].pieces.append(piece)
    }

    /// A namespace declaration; the first of RSS 0.90, RSS 1.0 or Atom 1.0 names the version.
    func declareNamespace(prefix: String?, uri: String) {
        guard version.isEmpty else { return }
        let lower = uri.lowercased()
        if prefix == nil && lower == "http://my.netscape.com/rdf/simple/0.9/" {
            version = "rss090"
        } else if lower == "http://purl.org/rss/1.0/" {
            version = "rss10"
        } else if lower == "http://www.w3.org/2005/atom" {
            version = "atom10"
        }
    }

    // MARK: the element stack

    func push(_ name: String, expectingText: Bool) {
        stack.append(OpenElement(name: name, expectingText: expectingText, pieces: []))
    }

    func pushContent(_ name: String, _ attributes: [String: String], defaultType: String, expectingText: Bool) {
        inContent += 1
        let type = Self.contentType(attributes["type"] ?? defaultType)
        var base64 = attributes["mode"] == "base64"
        if !base64 { base64 = !(type.hasPrefix("text/") || type.hasSuffix("+xml") || type.hasSuffix("/xml")) }
        content = ContentParameters(type: type, base64: base64)
        push(name, expectingText: expectingText)
    }

    func popContent(_ name: String) -> String? {
        let value = pop(name)
        inContent -= 1
        content = nil
        return value
    }

    /// Closes the innermost element if it is `name`: joins its text, decodes and repairs it,
    /// and stores it in the current entry or the feed. Returns the text.
    func pop(_ name: String, strip: Bool = true) -> String? {
        guard let top = stack.last, top.name == name else { return nil }
        stack.removeLast()
        var pieces = top.pieces
        if version == "atom10", content?.type == "application/xhtml+xml" { pieces = Self.unwrapDiv(pieces) }
        var output = pieces.joined()
        if strip { output = output.trimmedWhitespace() }
        guard top.expectingText else { return output }
        if content?.base64 == true, let data = Data(base64Encoded: output, options: .ignoreUnknownCharacters),
           let decoded = String(data: data, encoding: .utf8) {
            output = decoded
        }
        if ["comments", "docs", "href", "icon", "id", "link", "logo", "url", "wfw_comment", "wfw_commentrss"].contains(name),
           !output.isEmpty, name != "id" || guidIsLink {
            output = FeedURL.join(baseURI, output)
        }
        if !version.hasPrefix("atom"), content?.type == "text/plain", FeedTextRepair.looksLikeHTML(output) {
            content?.type = "text/html"
        }
        output = FeedTextRepair.repair(output)
        if ["category", "tags", "itunes_keywords"].contains(name) { return output }
        if name == "title", titleDepth > -1, titleDepth <= depth { return output }
        store(name, output)
        return output
    }

    private func store(_ name: String, _ output: String) {
        let typed = FeedText(output, type: inContent > 0 ? content?.type : nil)
        if inEntry && !inSource, let entry = entries.last {
            if name == "content" {
                entry.contents.append(typed)
            } else if name == "link" {
                if !inImage { entry["link"] = Self.unescapeQuery(output, ampersands: true) }
            } else {
                let key = name == "description" ? "summary" : name
                if let old = entry.depths[key], depth > old { return }
                entry.depths[key] = depth
                entry.values[key] = typed
            }
        } else if inFeed || inSource {
            let context = current
            let key = name == "description" ? "subtitle" : name
            context.values[key] = typed
            if key == "link" { context["link"] = Self.unescapeQuery(output, ampersands: false) }
        }
    }

    /// The context values go to: the source, image or text input being read, else the entry, else the feed.
    var current: FeedContext {
        if inSource { return source }
        if inImage && feed.hasImage { return image }
        if inTextInput { return textInput }
        if inEntry, let entry = entries.last { return entry }
        return feed
    }

    // MARK: helpers

    static func contentType(_ type: String) -> String {
        switch type.lowercased() {
        case "text", "plain": return "text/plain"
        case "html": return "text/html"
        case "xhtml": return "application/xhtml+xml"
        case let other: return other
        }
    }

    static func escape(_ s: String, quotes: Bool) -> String {
        guard s.hasASCII("&") || s.hasASCII("<") || s.hasASCII(">") || (quotes && s.hasASCII("\"")) else { return s }
        var out = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        if quotes { out = out.replacingOccurrences(of: "\"", with: "&quot;") }
        return out
    }

    /// Query strings in links that a loose reader turned into entity references (`?a=1&b;=2`).
    private static func unescapeQuery(_ link: String, ampersands: Bool) -> String {
        guard link.hasASCII("&") else { return link }
        var out = ampersands ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        if out.hasASCII(";") { out = out.replacingOccurrences(of: #"&([A-Za-z0-9_]+);"#, with: "&$1", options: .regularExpression) }
        return out
    }

    /// Atom 1.0 XHTML content without its wrapping `<div>`, when one div encloses all of it.
    private static func unwrapDiv(_ pieces: [String]) -> [String] {
        var pieces = pieces
        while pieces.count > 1, pieces.last!.trimmedWhitespace().isEmpty { pieces.removeLast() }
        while pieces.count > 1, pieces.first!.trimmedWhitespace().isEmpty { pieces.removeFirst() }
        guard let first = pieces.first, first == "<div>" || first.hasPrefix("<div "), pieces.last == "</div>" else { return pieces }
        var depth = 0
        for piece in pieces.dropLast() {
            if piece.hasPrefix("</") {
                depth -= 1
                if depth == 0 { return pieces }
            } else if piece.hasPrefix("<") && !piece.hasSuffix("/>") {
                depth += 1
            }
        }
        return Array(pieces.dropFirst().dropLast())
    }
}
