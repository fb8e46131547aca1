/// A URL to fetch, with the validators of the last response for a conditional GET.
///
/// - `obeysRobots` makes the pool consult the host's robots.txt first (article pages).
/// - `foundOnWeb` marks a URL that came from fetched content (an entry's link, a page's
///   feed link) rather than from the operator: it, every redirect hop and its robots.txt
///   may connect only where `FetchSettings.networkPolicy` allows. An operator's URL may
///   be local, and so may its redirects on the same host; a redirect to another host is
///   judged as found on the web.
/// - `bodyLimit` lowers `FetchSettings.maxBodyBytes` for this request (an article page
///   need not be larger than the normalizer accepts), with the setting that says so.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var obeysRobots: Bool
    public var foundOnWeb: Bool
    public var bodyLimit: (bytes: Int, key: String)?

    public init(url: String, etag: String? = nil, lastModified: String? = nil, obeysRobots: Bool = false,
                foundOnWeb: Bool = false, bodyLimit: (bytes: Int, key: String)? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.obeysRobots = obeysRobots
        self.foundOnWeb = foundOnWeb
        self.bodyLimit = bodyLimit
    }
}
