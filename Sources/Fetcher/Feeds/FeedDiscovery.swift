import Foundation
import Markup

/// Feed autodiscovery: the feeds an HTML page announces with
/// `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href="…">`,
/// resolved against the page URL (or its `<base href>`), in page order, without repeats,
/// and only those `LinkPolicy` lets the page lead to.
public final class FeedDiscovery: MarkupEventHandler {
    private var found: [String] = []
    private var base: URL?
    private var origin = ""

    public static func feeds(inPage bytes: Data, url: String) -> [String] {
        let collector = FeedDiscovery()
        collector.base = URL(string: url)
        collector.origin = url
        try? MarkupStream.html([UInt8](bytes.prefix(4 << 20)), encoding: "UTF-8", into: collector)
        return collector.found
    }

    private static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/json",
    ]

    public func startElement(_ name: UnsafePointer<UInt8>, _ attributes: MarkupAttributes) {
        let element = String(cString: name).lowercased()
        guard element == "link" || element == "base" else { return }
        var values: [String: String] = [:]
        attributes.forEach { key, value in
            values[String(cString: key).lowercased()] = value.map { String(cString: $0) } ?? ""
        }
        if element == "base" {
            if let href = values["href"], let url = URL(string: href, relativeTo: base) { base = url.absoluteURL }
            return
        }
        let rels = (values["rel"] ?? "").lowercased().split(separator: " ")
        guard rels.contains("alternate"), let type = values["type"]?.lowercased().split(separator: ";").first,
              Self.feedTypes.contains(type.trimmingCharacters(in: .whitespaces)),
              let href = values["href"], !href.isEmpty,
              let resolved = URL(string: href, relativeTo: base)?.absoluteString, !found.contains(resolved),
              LinkPolicy.mayFollow(resolved, from: origin) else { return }
        found.append(resolved)
    }

    public func endElement(_ name: UnsafePointer<UInt8>) {}
    public func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
