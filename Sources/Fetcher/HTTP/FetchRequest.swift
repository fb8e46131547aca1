/// A URL to fetch, with the validators of the last response for a conditional GET.
/// `obeysRobots` makes the pool consult the host's robots.txt first (article pages).
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var obeysRobots: Bool

    public init(url: String, etag: String? = nil, lastModified: String? = nil, obeysRobots: Bool = false) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.obeysRobots = obeysRobots
    }
}
