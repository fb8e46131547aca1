import Foundation
import Markup

/// OPML 1.0/2.0 subscription lists, the format feed readers exchange.
///
/// Reading takes every `<outline>` with an `xmlUrl`, at any depth (folders are flattened),
/// with the same parser safeguards as feeds. Writing produces OPML 2.0 with each feed's
/// title and URL, attribute values escaped.
public enum OPML {
    public struct Subscription: Sendable, Equatable {
        public var url: String
        public var title: String?

        public init(url: String, title: String?) {
            self.url = url
            self.title = title
        }
    }

    public static func subscriptions(in bytes: Data, name: String) throws(FetchError) -> [Subscription] {
        let document: MarkupDocument
        do { document = try MarkupDocument(xml: [UInt8](bytes), url: nil) } catch {
            throw FetchError(url: name, reason: "not OPML: \(error)")
        }
        let reader = OutlineReader()
        document.walk(reader, entityBudget: bytes.count)
        guard reader.sawOPML else { throw FetchError(url: name, reason: "not OPML: the root element is not <opml>") }
        return reader.subscriptions
    }

    public static func document(_ subscriptions: [Subscription], title: String) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
        out += "  <head><title>\(escape(title))</title></head>\n  <body>\n"
        for s in subscriptions {
            let text = escape(s.title ?? s.url)
            out += "    <outline type=\"rss\" text=\"\(text)\" title=\"\(text)\" xmlUrl=\"\(escape(s.url))\"/>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    private final class OutlineReader: XMLEventHandler {
        var subscriptions: [Subscription] = []
        var sawOPML = false

        func start(_ tag: XMLStartTag) {
            let name = tag.name.local.lowercased()
            if name == "opml" { sawOPML = true }
            guard name == "outline" else { return }
            var values: [String: String] = [:]
            for a in tag.attributes { values[a.name.local.lowercased()] = a.value }
            guard let url = values["xmlurl"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty,
                  !subscriptions.contains(where: { $0.url == url }) else { return }
            subscriptions.append(Subscription(url: url, title: values["title"] ?? values["text"]))
        }

        func end(_ name: XMLName) {}
        func characters(_ text: String) {}
    }
}
