import Foundation

/// Which links found in fetched content may be fetched in turn.
///
/// Guarantees: a link is followed only to http(s), or to a `file://` URL when the document
/// that holds it was itself read from a local file. So a feed or page from the web can
/// never make ingestd read (and archive, and export) a file of the machine it runs on,
/// while a local demo feed may still point at local pages.
public enum LinkPolicy {
    public static func mayFollow(_ link: String, from origin: String) -> Bool {
        switch scheme(link) {
        case "http", "https": true
        case "file": scheme(origin) == "file"
        default: false
        }
    }

    /// Whether two URLs name the same host (case-insensitively; scheme and port aside): the
    /// extent of the trust an operator's URL carries across redirects.
    public static func isSameHost(_ a: String, _ b: String) -> Bool {
        URLComponents(string: a)?.host?.lowercased() == URLComponents(string: b)?.host?.lowercased()
    }

    private static func scheme(_ url: String) -> String? {
        URLComponents(string: url)?.scheme?.lowercased()
    }
}
