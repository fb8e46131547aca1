/// The feeds an archive follows, as `ingestd feeds` manages them, SQLite or PostgreSQL alike.
public protocol FeedList: AnyObject {
    /// Feed sources not removed, in the order they were added.
    func feeds() throws(ArchiveError) -> [FeedState]
    /// Adds a feed, or brings back one that was removed or parked (due at once, errors
    /// cleared); `title` fills in a title the feed has not given yet; `fromWeb` says the URL
    /// was found on a page rather than given.
    func addFeed(url: String, title: String?, fromWeb: Bool) throws(ArchiveError) -> Int64
    /// Stops fetching a feed; its documents and their provenance stay. False if unknown.
    func removeFeed(url: String) throws(ArchiveError) -> Bool
}

extension ArchiveStore: FeedList {}
