import Foundation

/// Resolving a feed's relative references against its base (`xml:base`, else the document
/// URL), as feedparser does. A new base whose scheme is outside the usual safe list
/// (`javascript:`, `data:`, …) is ignored.
enum FeedURL {
    /// The base in force after an element's `xml:base`.
    static func base(_ current: String, _ declared: String) -> String {
        guard !current.isEmpty else { return join(current, declared) }
        let joined = join(current, declared)
        let scheme = joined.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return safeSchemes.contains(scheme) ? joined : current
    }

    /// `reference` resolved against `base` (either may be empty). Extra slashes after a
    /// scheme (`http:///x`) are collapsed as feedparser does, except in `file:///path`,
    /// where the third slash starts the path.
    static func join(_ base: String, _ reference: String) -> String {
        let isFile = reference.prefix(5).lowercased() == "file:"
        let fixed = !isFile && reference.contains(":///") ? reference.replacingOccurrences(
            of: #"^([A-Za-z][A-Za-z0-9+\-.]*://)/+"#, with: "$1", options: .regularExpression) : reference
        guard !base.isEmpty else { return fixed }
        guard !fixed.isEmpty else { return base }
        return URL(string: fixed, relativeTo: URL(string: base))?.absoluteString ?? fixed
    }

    private static let safeSchemes: Set<String> = [
        "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet", "mailto", "mms", "news", "nntp",
        "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip", "sips", "snews", "svn", "svn+ssh", "telnet", "wais",
        "aim", "callto", "cvs", "facetime", "feed", "git", "gtalk", "irc", "ircs", "irc6", "itms", "msnim", "skype", "ssh",
        "smb", "ymsg",
    ]
}
