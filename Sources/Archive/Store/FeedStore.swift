import Foundation

/// What a feed pass (`ingestd run`) needs of a store, SQLite or PostgreSQL alike: the
/// feeds and their state, the entries already archived, robots.txt kept between runs, and
/// the writes of each page (`ArchiveWriter`).
///
/// `claimDueFeeds` is where stores differ: SQLite's single writer holds a lock file for the
/// whole run, so the due feeds are simply listed; PostgreSQL's workers each take a lease on
/// the feeds they will fetch (`FOR UPDATE SKIP LOCKED`), so no feed is fetched twice in one
/// interval, and a lease ends with the feed's `recordFeed`, or runs out when a worker dies.
/// Such a store `sharesFeeds`: a pass claims a few feeds at a time, and more as they finish.
public protocol FeedStore: ArchiveWriter {
    func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64
    func isRemovedFeed(url: String) throws(ArchiveError) -> Bool
    /// Feed sources not removed, in the order they were added.
    func feeds() throws(ArchiveError) -> [FeedState]
    /// Whether several passes may claim feeds at once (leases), so that a pass should claim
    /// a few at a time and come back for more, leaving the rest to other workers.
    var sharesFeeds: Bool { get }
    /// Feeds due at `time` (not parked, not removed) for this pass to fetch: where feeds are
    /// shared, at most `limit` that no other pass holds, each held for at most `leaseSeconds`;
    /// else every due feed.
    func claimDueFeeds(at time: Date, leaseSeconds: Double, limit: Int) throws(ArchiveError) -> [FeedState]
    func recordFeed(sourceID: Int64, _ result: FeedResult, at time: Date) throws(ArchiveError)
    func moveSource(sourceID: Int64, to url: String, fromWeb: Bool) throws(ArchiveError) -> Bool
    func isEntryKnown(sourceID: Int64, entryKey: String, url: String?) throws(ArchiveError) -> Bool
    func recordEntryFailure(sourceID: Int64, entryKey: String, error: String) throws(ArchiveError) -> Int
    func keepFeedCapture(sourceID: Int64, _ capture: CaptureInput) throws(ArchiveError)
    func robotsTxt(host: String, freshSince: Date) throws(ArchiveError) -> (status: Int, body: Data)?
    func saveRobotsTxt(host: String, status: Int, body: Data, at time: Date) throws(ArchiveError)
}

extension ArchiveStore: FeedStore {
    public func feeds() throws(ArchiveError) -> [FeedState] { try feeds(dueAt: nil) }

    /// One run at a time holds the lock file.
    public var sharesFeeds: Bool { false }

    public func claimDueFeeds(at time: Date, leaseSeconds: Double, limit: Int) throws(ArchiveError) -> [FeedState] {
        try feeds(dueAt: time)
    }
}
