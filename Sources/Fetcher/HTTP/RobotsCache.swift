import Foundation

/// Where a `FetchPool` keeps robots.txt files between runs (the archive, for `ingestd run`),
/// so a host is asked at most once per `FetchSettings.robotsMaxAge`. Only answers that say
/// something lasting are kept (2xx and 4xx); an unreachable robots.txt is asked for again.
public protocol RobotsCache: AnyObject {
    /// The stored answer for a host (`scheme://host[:port]`), if fresh enough.
    func robotsTxt(host: String) -> (status: Int, body: Data)?
    func saveRobotsTxt(host: String, status: Int, body: Data)
}
