import Archive
import Fetcher
import Foundation

/// The archive as the fetch pool's robots.txt memory: answers younger than `maxAge` are
/// served from it. A failure to read or write it only means asking the host again.
final class ArchiveRobotsCache: RobotsCache {
    private let store: any FeedStore
    private let maxAge: Double

    init(store: any FeedStore, maxAge: Double) {
        self.store = store
        self.maxAge = maxAge
    }

    func robotsTxt(host: String) -> (status: Int, body: Data)? {
        try? store.robotsTxt(host: host, freshSince: Date().addingTimeInterval(-maxAge))
    }

    func saveRobotsTxt(host: String, status: Int, body: Data) {
        try? store.saveRobotsTxt(host: host, status: status, body: body, at: Date())
    }
}
