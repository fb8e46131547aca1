import Markup

/// Feeds libxml2's element events to a `FeedEventReader` under the names its handlers know
/// (`FeedNamespaces` prefixes, lowercased), then turns what it gathered into a `FeedDocument`.
final class FeedEventAdapter: XMLEventHandler {
    let reader: FeedEventReader
    private var rootName: String?

    init(reader: FeedEventReader) {
        self.reader = reader
    }

    func start(_ tag: XMLStartTag) {
        for declaration in tag.namespaceDeclarations { reader.declareNamespace(prefix: declaration.prefix, uri: declaration.uri) }
        let name = Self.elementName(tag.name)
        if rootName == nil { rootName = name }
        let attributes = tag.attributes.map { (Self.attributeName($0.name), $0.value) }
        reader.start(name, attributes)
    }

    func end(_ name: XMLName) { reader.end(Self.elementName(name)) }

    func characters(_ text: String) { reader.text(text) }

    /// A known namespace's canonical prefix, else the document's own prefix for an unknown one.
    private static func elementName(_ name: XMLName) -> String {
        if let uri = name.namespace {
            if let prefix = FeedNamespaces.prefix(for: uri) {
                return (prefix.isEmpty ? name.local : prefix + ":" + name.local).lowercased()
            }
            if let own = name.prefix, !own.isEmpty { return (own + ":" + name.local).lowercased() }
        }
        return name.local.lowercased()
    }

    private static func attributeName(_ name: XMLName) -> String {
        if let uri = name.namespace, let prefix = FeedNamespaces.prefix(for: uri), !prefix.isEmpty {
            return (prefix + ":" + name.local).lowercased()
        }
        return name.local.lowercased()
    }

    /// What was read, or an error naming the root element when it was no feed.
    func document(url: String) throws(FetchError) -> FeedDocument {
        let format: FeedDocument.Format
        switch reader.version {
        case let v where v.hasPrefix("atom"): format = .atom
        case "rss090", "rss10": format = .rdf
        case let v where v.hasPrefix("rss"): format = .rss
        default:
            if rootName == "channel" {
                format = .cdf
            } else if rootName == "rdf:rdf" {
                format = .rdf
            } else {
                throw FetchError(url: url, reason: "not a feed: root element <\(rootName ?? "")>")
            }
        }
        let entries = reader.entries.map { e in
            var entry = FeedEntry()
            entry.id = e["id"]
            entry.link = e["link"]
            entry.title = e.values["title"]?.plainText
            entry.published = e.dates["published"] ?? nil
            entry.updated = e.dates["updated"] ?? nil
            entry.author = e["author"]
            entry.summary = e.values["summary"]?.plainText
            entry.content = e.contents.first
            entry.media = e.media
            entry.thumbnail = e.thumbnails.first
            return entry
        }
        var document = FeedDocument(format: format, title: reader.feed.values["title"]?.plainText, link: reader.feed["link"],
                                    entries: entries)
        document.refreshInterval = refreshInterval(reader.feed)
        return document
    }

    /// `<ttl>` minutes, else `sy:updatePeriod` divided by `sy:updateFrequency`.
    private func refreshInterval(_ feed: FeedContext) -> Double? {
        if let ttl = feed["ttl"].flatMap(Double.init), ttl > 0 { return ttl * 60 }
        let periods: [String: Double] = ["hourly": 3_600, "daily": 86_400, "weekly": 604_800, "monthly": 2_592_000, "yearly": 31_536_000]
        guard let period = feed["sy_updateperiod"].flatMap({ periods[$0.lowercased()] }) else { return nil }
        let frequency = feed["sy_updatefrequency"].flatMap(Double.init) ?? 1
        return frequency > 0 ? period / frequency : period
    }
}
