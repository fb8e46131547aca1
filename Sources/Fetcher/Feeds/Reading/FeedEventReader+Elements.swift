import Foundation
import Timestamps

/// What each known element does when it opens and closes (feedparser's `_start_*` and
/// `_end_*` handlers, for the elements that reach titles, links, ids, dates, authors,
/// summaries and content). Unknown elements fall through to the generic push and pop.
extension FeedEventReader {
    /// Handles a start tag; false when `name` has no handler.
    func startHandler(_ name: String, _ attributes: [String: String]) -> Bool {
        let inAny = inFeed || inEntry || inSource
        switch name {
        case "rss":
            if !version.hasPrefix("rss") {
                let declared = attributes["version"] ?? ""
                let known = ["0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"]
                version = known[declared] ?? (declared.hasPrefix("2.") ? "rss20" : "rss")
            }
        case "channel":
            inFeed = true
            cdfCommon(attributes)
        case "feed":
            inFeed = true
            if version.isEmpty { version = ["0.1": "atom01", "0.2": "atom02", "0.3": "atom03"][attributes["version"] ?? ""] ?? "atom" }
        case "image":
            if !inEntry, current === feed { feed.hasImage = true }
            inImage = true
            titleDepth = -1
            push("image", expectingText: false)
        case "textinput":
            intoTextInput()
        case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author":
            inAuthor = true
            push("author", expectingText: true)
            current.authors.append([:])
        case "contributor":
            inContributor = true
            push("contributor", expectingText: false)
        case "dc_contributor":
            inContributor = true
            push("name", expectingText: false)
        case "name", "itunes_name": push("name", expectingText: false)
        case "email", "itunes_email": push("email", expectingText: false)
        case "url", "homepage", "uri": push("href", expectingText: true)
        case "itunes_owner":
            inPublisher = true
            push("publisher", expectingText: false)
        case "webmaster", "dc_publisher": push("publisher", expectingText: true)
        case "subtitle", "tagline", "itunes_subtitle": pushContent("subtitle", attributes, defaultType: "text/plain", expectingText: true)
        case "rights", "copyright", "dc_rights": pushContent("rights", attributes, defaultType: "text/plain", expectingText: true)
        case "info", "feedburner_browserfriendly": pushContent("info", attributes, defaultType: "text/plain", expectingText: true)
        case "item", "entry":
            entries.append(FeedContext())
            push("item", expectingText: false)
            inEntry = true
            guidIsLink = false
            titleDepth = -1
            if let about = attributes["rdf:about"] { current["id"] = about }
            cdfCommon(attributes)
        case "language", "dc_language": push("language", expectingText: true)
        case "published", "issued", "pubdate", "dcterms_issued": push("published", expectingText: true)
        case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified": push("updated", expectingText: true)
        case "created", "dcterms_created": push("created", expectingText: true)
        case "category", "keywords", "dc_subject", "media_category", "itunes_category": push("category", expectingText: true)
        case "link": startLink(attributes)
        case "guid", "id":
            guidIsLink = (attributes["ispermalink"] ?? "true") == "true"
            push("id", expectingText: true)
        case "title", "dc_title", "media_title": pushContent("title", attributes, defaultType: "text/plain", expectingText: inAny)
        case "description", "dc_description", "media_description":
            if current.values["summary"] != nil && !hasContent {
                summaryKey = "content"
                startContent(attributes)
            } else {
                pushContent("description", attributes, defaultType: "text/html", expectingText: inAny)
            }
        case "abstract": pushContent("description", attributes, defaultType: "text/plain", expectingText: inAny)
        case "summary", "itunes_summary":
            if current.values["summary"] != nil && !hasContent {
                summaryKey = "content"
                startContent(attributes)
            } else {
                summaryKey = "summary"
                pushContent("summary", attributes, defaultType: "text/plain", expectingText: true)
            }
        case "content": startContent(attributes)
        case "body", "xhtml_body": pushContent("content", attributes, defaultType: "application/xhtml+xml", expectingText: true)
        case "content_encoded", "fullitem":
            hasContent = true
            pushContent("content", attributes, defaultType: "text/html", expectingText: true)
        case "source":
            push("source", expectingText: true)
            inSource = true
            titleDepth = -1
        case "itunes_image", "itunes_link":
            push("itunes_image", expectingText: false)
            if current === feed, attributes["href"] ?? attributes["url"] != nil { feed.hasImage = true }
        case "enclosure", "media_content": addMedia(attributes)
        case "cloud", "psc_chapters", "psc_chapter", "media_group": break
        case "media_thumbnail":
            if let url = attributes["url"], !url.isEmpty { current.thumbnails.append(FeedURL.join(baseURI, url)) }
            push("url", expectingText: true)
        case "generator": push("generator", expectingText: true)
        default: return false
        }
        return true
    }

    /// Handles an end tag; false when `name` has no handler.
    func endHandler(_ name: String) -> Bool {
        switch name {
        case "channel", "feed": inFeed = false
        case "image":
            _ = pop("image")
            inImage = false
        case "textinput":
            _ = pop("textinput")
            inTextInput = false
        case "author", "managingeditor", "dc_author", "dc_creator", "itunes_author":
            _ = pop("author")
            inAuthor = false
            syncAuthor()
        case "contributor":
            _ = pop("contributor")
            inContributor = false
        case "dc_contributor":
            endName()
            inContributor = false
        case "name", "itunes_name": endName()
        case "email", "itunes_email":
            let value = pop("email")
            if inPublisher || inAuthor { saveAuthor("email", value) }
        case "url", "homepage", "uri":
            let value = pop("href")
            if inAuthor { saveAuthor("href", value) }
        case "itunes_owner":
            _ = pop("publisher")
            inPublisher = false
        case "webmaster", "dc_publisher": _ = pop("publisher")
        case "subtitle", "tagline", "itunes_subtitle": _ = popContent("subtitle")
        case "rights", "copyright", "dc_rights": _ = popContent("rights")
        case "info", "feedburner_browserfriendly": _ = popContent("info")
        case "item", "entry":
            _ = pop("item")
            inEntry = false
            hasContent = false
        case "language", "dc_language": _ = pop("language")
        case "published", "issued", "pubdate", "dcterms_issued":
            current.dates["published"] = pop("published").flatMap(TimestampParser.parse)
        case "updated", "modified", "lastbuilddate", "dc_date", "dcterms_modified":
            current.dates["updated"] = pop("updated").flatMap(TimestampParser.parse)
        case "created", "dcterms_created": _ = pop("created")
        case "category", "keywords", "dc_subject", "media_category", "itunes_category": _ = pop("category")
        case "link": _ = pop("link")
        case "guid", "id":
            let value = pop("id")
            if guidIsLink { current.setDefault("link", value) }
        case "title", "dc_title", "media_title":
            let depthBefore = titleDepth
            if let value = popContent("title"), !value.isEmpty { titleDepth = depth }
            if name == "media_title" { titleDepth = depthBefore }
        case "description", "dc_description", "media_description", "abstract":
            if summaryKey == "content" { endContent() } else { _ = popContent("description") }
            summaryKey = nil
        case "summary", "itunes_summary":
            if summaryKey == "content" { endContent() } else { _ = popContent(summaryKey ?? "summary") }
            summaryKey = nil
        case "content", "body", "xhtml_body", "content_encoded", "fullitem": endContent()
        case "source":
            inSource = false
            _ = pop("source")
            source.clear()
        case "itunes_image", "itunes_link": _ = pop("itunes_image")
        case "psc_chapters": break
        case "media_thumbnail": _ = pop("url")
        case "generator": _ = pop("generator")
        default: return false
        }
        return true
    }

    // MARK: shared steps

    private func intoTextInput() {
        inTextInput = true
        titleDepth = -1
        push("textinput", expectingText: false)
    }

    /// CDF puts a channel's or item's link and date in attributes.
    private func cdfCommon(_ attributes: [String: String]) {
        if let modified = attributes["lastmod"] {
            push("updated", expectingText: true)
            text(modified)
            current.dates["updated"] = pop("updated").flatMap(TimestampParser.parse)
        }
        if let href = attributes["href"] {
            push("link", expectingText: true)
            text(href)
            _ = pop("link")
        }
    }

    private func startLink(_ attributes: [String: String]) {
        let rel = attributes["rel"] ?? "alternate"
        let type = attributes["type"] ?? (rel == "self" ? "application/atom+xml" : "text/html")
        guard let rawHref = attributes["url"] ?? attributes["uri"] ?? attributes["href"] else {
            return push("link", expectingText: inFeed || inEntry || inSource)
        }
        let href = rawHref.isEmpty ? rawHref : FeedURL.join(baseURI, rawHref)
        if rel == "enclosure" { addMedia(attributes) }
        if rel == "alternate", ["text/html", "application/xhtml+xml"].contains(Self.contentType(type)) {
            current["link"] = href
        }
    }

    private func addMedia(_ attributes: [String: String]) {
        guard let raw = attributes["url"] ?? attributes["href"], !raw.isEmpty else { return }
        let length = (attributes["length"] ?? attributes["filesize"]).flatMap { Int($0) }
        current.media.append(FeedMedia(url: FeedURL.join(baseURI, raw), type: attributes["type"], length: length,
                                       medium: attributes["medium"]))
    }

    private func startContent(_ attributes: [String: String]) {
        hasContent = true
        pushContent("content", attributes, defaultType: "text/plain", expectingText: true)
        push("content", expectingText: true)
    }

    private func endContent() {
        let type = content.map { Self.contentType($0.type) }
        let copyToSummary = type.map { ["text/plain", "text/html", "application/xhtml+xml"].contains($0) } ?? false
        let value = popContent("content")
        if copyToSummary, current.values["summary"] == nil, let value { current.values["summary"] = FeedText(value, type: type) }
    }

    private func endName() {
        let value = pop("name")
        if inPublisher || inAuthor {
            saveAuthor("name", value)
        } else if inTextInput {
            current["name"] = value
        }
    }

    /// Records an author's (or the publisher's) name, e-mail or URL, and refreshes the
    /// context's `author` from the author record as it was before this value.
    private func saveAuthor(_ key: String, _ value: String?) {
        let context = current
        syncAuthor()
        if context.authors.isEmpty { context.authors.append([:]) }
        context.authors[context.authors.count - 1][key] = value ?? ""
    }

    /// `author` becomes "name (email)", the name or the e-mail of the latest author record.
    private func syncAuthor() {
        let context = current
        guard let detail = context.authors.last, !detail.isEmpty else { return }
        let name = detail["name"].flatMap { $0.isEmpty ? nil : $0 }
        let email = detail["email"].flatMap { $0.isEmpty ? nil : $0 }
        switch (name, email) {
        case let (n?, e?): context["author"] = "\(n) (\(e))"
        case let (n?, nil): context["author"] = n
        case let (nil, e?): context["author"] = e
        default: break
        }
    }
}
