import Archive
import Fetcher
import Foundation
import Normalizer

/// One cron pass over the feeds that are due: fetch them all at once through the
/// `FetchPool` (conditionally, politely), fetch the article page of every entry not seen
/// before (where robots.txt allows), archive it, and schedule each feed's next fetch.
///
/// Guarantees: a feed's validators and body hash are saved only after all its entries are
/// archived (or given up), so a pass killed midway, or a page that failed for now, is taken
/// up by the next run rather than hidden by a 304; a failing feed or page is reported and
/// counted, and never stops the other feeds; a failing page never counts against its feed;
/// an entry is known again by its link when a feed changes its GUIDs; with `keepFeedCaptures`,
/// each new body of a feed that parses is archived as a capture of the feed; a permanent redirect
/// (301/308) moves the stored feed URL, a temporary one does not; an archive error (disk
/// full, a locked file) stops the pass and is thrown, with everything before it committed.
final class FeedPass {
    private let store: any FeedStore
    private let pool: FetchPool
    private let parser: FeedParser
    private let archiver: PageArchiver
    private let schedule: FeedSchedule
    private let keepFeedCaptures: Bool
    private let events: PassEvents
    private var summary = RunSummary()
    private var archiveError: ArchiveError?
    private let robots: ArchiveRobotsCache

    /// How long a claimed feed stays this pass's on a store shared by workers (`FeedStore.claimDueFeeds`).
    private let leaseSeconds: Double
    /// On a store shared by workers, the most feeds a pass holds unfinished: it claims more
    /// as they finish, so the due feeds spread over the workers running at once.
    static let feedsHeld = 16
    private var feedsInFlight = 0
    init(store: any FeedStore, pool: FetchPool, parser: FeedParser, archiver: PageArchiver, schedule: FeedSchedule,
         keepFeedCaptures: Bool = false, events: PassEvents) {
        self.keepFeedCaptures = keepFeedCaptures
        // A pass with a deadline is over by then; one without gets a quarter of an hour a feed's lease.
        leaseSeconds = pool.settings.runDeadline.map { $0 + 10 } ?? 900
        self.store = store
        self.pool = pool
        self.parser = parser
        self.archiver = archiver
        self.schedule = schedule
        self.events = events
        robots = ArchiveRobotsCache(store: store, maxAge: pool.settings.robotsMaxAge)
        pool.robotsCache = robots
    }

    /// Fetches the configured feeds plus those added with `feeds add`: the ones due now,
    /// or with `everyFeed` all that are not parked.
    func run(configured: [FeedConfig], everyFeed: Bool) throws(ArchiveError) -> RunSummary {
        for feed in configured {
            if try store.isRemovedFeed(url: feed.url) {
                events.warn("\(feed.url) is in the config but was removed with `ingestd feeds remove`; skipped (`ingestd feeds add` resumes it)")
            } else {
                _ = try store.ensureSource(url: feed.url, kind: "feed")
            }
        }
        let followed = try store.feeds().count
        if followed == 0 {
            events.warn("no feeds to fetch: list them under `feeds:` in the config, or add one with `ingestd feeds add URL`")
        }
        submit(try everyFeed ? store.feeds().filter { $0.parkedReason == nil }
               : store.claimDueFeeds(at: Date(), leaseSeconds: leaseSeconds, limit: Self.feedsHeld))
        pool.run()
        if let archiveError { throw archiveError }
        // (On a shared store, feeds other workers fetched count as not due.)
        summary.feedsNotDue = followed - summary.feeds
        return summary
    }

    private func submit(_ feeds: [FeedState]) {
        events.feedsDue(feeds.count)
        for state in feeds {
            summary.feeds += 1
            feedsInFlight += 1
            let request = FetchRequest(url: state.url, etag: state.etag, lastModified: state.lastModified, foundOnWeb: state.urlFromWeb)
            pool.submit(request) { [self] outcome in
                guard archiveError == nil else { return }
                do throws(ArchiveError) { try feedArrived(state, outcome) } catch { archiveError = error }
            }
        }
    }

    /// Records how a feed's fetch ended, and on a shared store claims more due feeds.
    private func record(_ state: FeedState, _ result: FeedResult, at time: Date) throws(ArchiveError) {
        try store.recordFeed(sourceID: state.sourceID, result, at: time)
        events.feedDone()
        feedsInFlight -= 1
        guard store.sharesFeeds, feedsInFlight < Self.feedsHeld / 2 else { return }
        submit(try store.claimDueFeeds(at: Date(), leaseSeconds: leaseSeconds, limit: Self.feedsHeld - feedsInFlight))
    }

    private func feedArrived(_ state: FeedState, _ outcome: FetchOutcome) throws(ArchiveError) {
        if let moved = outcome.movedPermanentlyTo {
            if try store.moveSource(sourceID: state.sourceID, to: moved, fromWeb: !LinkPolicy.isSameHost(moved, state.url)) {
                events.warn("\(state.url): moved permanently to \(moved); the feed now uses the new URL")
            } else {
                events.warn("\(state.url): moved permanently to \(moved), which is already another source; URL kept")
            }
        }
        var capture: Capture
        switch outcome.result {
        case let .failure(error) where error.kind == .deferred:
            summary.feedsDeferred += 1
            events.detail("\(state.url): put off to the next pass (\(error.description))")
            events.feedDone()
            return
        case let .failure(error): return try fail(state, status: nil, error.description, retryAfter: nil)
        case let .success(c):
            capture = c
            summary.bytesFetched += c.body.count
        }
        if capture.isNotModified { return try unchanged(state, capture, bodySHA: nil) }
        guard capture.isSuccess else {
            return try fail(state, status: capture.status, "\(capture.finalURL): HTTP status \(capture.status)", retryAfter: capture.retryAfter)
        }
        let bodySHA = ArchiveStore.sha256Hex(capture.body)
        if bodySHA == state.lastBodySHA256 { return try unchanged(state, capture, bodySHA: bodySHA) }
        let document: FeedDocument
        do { document = try parser.parse(capture.body, url: capture.finalURL, contentType: capture.contentType) } catch {
            return try fail(state, status: capture.status, error.description, retryAfter: nil)
        }
        for warning in document.warnings { events.warn("\(state.url): \(warning)") }
        if keepFeedCaptures { try store.keepFeedCapture(sourceID: state.sourceID, capture.archiveInput) }
        // Parsed: the body is not needed while the entries are fetched, so it is not kept.
        capture.body = Data()
        let progress = FeedProgress(state: state, capture: capture, document: document, bodySHA: bodySHA)
        for entry in document.entries {
            summary.entries += 1
            if try store.isEntryKnown(sourceID: state.sourceID, entryKey: entry.key, url: entry.link) {
                summary.entriesKnown += 1
                continue
            }
            guard let link = entry.link else {
                events.warn("entry \(entry.key) of \(state.url) has no link to an article page; skipped")
                try settle(entry, of: state)
                continue
            }
            guard LinkPolicy.mayFollow(link, from: capture.finalURL) else {
                summary.entriesFailed += 1
                events.warn("entry \(entry.key) of \(state.url) links to \(link), which a feed from the web may not lead to "
                     + "(only http and https); skipped")
                try settle(entry, of: state)
                continue
            }
            progress.pending += 1
            progress.newEntries += 1
            let limit = (archiver.normalizer.settings.maxInputBytes, "normalizer.max_input_bytes")
            pool.submit(FetchRequest(url: link, obeysRobots: true, foundOnWeb: true, bodyLimit: limit)) { [self] outcome in
                guard archiveError == nil else { return }
                do throws(ArchiveError) { try pageArrived(entry, outcome, progress) } catch { archiveError = error }
            }
        }
        if progress.pending == 0 { try finish(progress) }
    }

    private func pageArrived(_ entry: FeedEntry, _ outcome: FetchOutcome, _ progress: FeedProgress) throws(ArchiveError) {
        switch outcome.result {
        case let .failure(error) where error.kind == .robots:
            summary.entriesDisallowed += 1
            try settle(entry, of: progress.state)
        case let .failure(error) where error.kind == .deferred:
            summary.entriesDeferred += 1
            progress.failed(error.description)
        case let .failure(error):
            try pageFailed(entry, error.description, retry: error.kind == .transient, progress)
        case let .success(page) where !page.isSuccess:
            try pageFailed(entry, "\(page.finalURL): HTTP status \(page.status)", retry: page.isTransientFailure,
                           progress)
        case let .success(page):
            summary.bytesFetched += page.body.count
            let sighting = Sighting(sourceID: progress.state.sourceID, entryKey: entry.key, entryTitle: entry.title,
                                    entryPublished: entry.published ?? entry.updated, url: entry.link ?? page.requestedURL,
                                    capture: page.archiveInput)
            do {
                let outcome = try archiver.archive(sighting)
                summary.count(outcome)
                events.detail("\(sighting.url): \(outcome)")
            } catch let error as ArchiveError {
                throw error
            } catch {
                try pageFailed(entry, "\(error)", retry: false, progress)
            }
        }
        progress.pending -= 1
        if progress.pending == 0 { try finish(progress) }
    }

    /// A page that could not be archived. A transient failure (timeout, 5xx, still arriving
    /// at the run's deadline) leaves the entry open and the feed's body to be fetched again,
    /// until the entry has failed `park_after_failures` runs in a row; a lasting one (404,
    /// not an article, too large) settles the entry at once, so it is not fetched run after
    /// run. Neither counts against the feed itself.
    private func pageFailed(_ entry: FeedEntry, _ message: String, retry: Bool, _ progress: FeedProgress) throws(ArchiveError) {
        summary.entriesFailed += 1
        var retry = retry
        var note = retry ? " (will retry)" : " (given up)"
        if retry {
            let failures = try store.recordEntryFailure(sourceID: progress.state.sourceID, entryKey: entry.key, error: message)
            if failures >= schedule.parkAfterFailures {
                retry = false
                note = " (given up after \(failures) runs; fetch.park_after_failures)"
            }
        }
        events.warn(message + note)
        if retry { progress.failed(message) } else { try settle(entry, of: progress.state) }
    }

    /// All entries of a fetched body are done: keep its validators, unless an entry is to
    /// be tried again, in which case the next run must fetch this body in full.
    private func finish(_ progress: FeedProgress) throws(ArchiveError) {
        let state = progress.state, capture = progress.capture
        let complete = progress.firstError == nil
        if let firstError = progress.firstError {
            events.warn("\(state.url): \(progress.failures) of \(progress.document.entries.count) entries will be tried again; first: \(firstError)")
        }
        events.detail("\(state.url): HTTP \(capture.status), \(progress.document.entries.count) entries, \(progress.newEntries) new")
        let hint = progress.document.refreshInterval
        try record(state, .success(
            status: capture.status, title: progress.document.title, etag: complete ? capture.etag : nil,
            lastModified: complete ? capture.lastModified : nil, bodySHA256: complete ? progress.bodySHA : nil, intervalSeconds: hint,
            nextFetchAt: schedule.nextAfterSuccess(capture.fetchedAt, hint: hint ?? state.intervalSeconds, cacheLifetime: capture.cacheLifetime)),
            at: capture.fetchedAt)
    }

    private func unchanged(_ state: FeedState, _ capture: Capture, bodySHA: String?) throws(ArchiveError) {
        summary.feedsUnchanged += 1
        events.detail("\(state.url): " + (capture.isNotModified ? "not modified (HTTP 304)" : "the same body as last time"))
        try record(state, .success(
            status: capture.status, title: nil, etag: capture.etag, lastModified: capture.lastModified, bodySHA256: bodySHA,
            intervalSeconds: nil,
            nextFetchAt: schedule.nextAfterSuccess(capture.fetchedAt, hint: state.intervalSeconds, cacheLifetime: capture.cacheLifetime)),
            at: capture.fetchedAt)
    }

    private func fail(_ state: FeedState, status: Int?, _ message: String, retryAfter: Double?) throws(ArchiveError) {
        summary.feedsFailed += 1
        events.warn(message)
        let now = Date(), failures = state.errorCount + 1
        let park = schedule.parkReason(failures: failures, lastError: message)
        if park != nil { summary.feedsParked += 1 }
        try record(state, .failure(
            status: status, error: message, nextFetchAt: schedule.nextAfterFailure(now, failures: failures, retryAfter: retryAfter),
            parkReason: park), at: now)
    }

    private func settle(_ entry: FeedEntry, of state: FeedState) throws(ArchiveError) {
        try store.settleEntry(sourceID: state.sourceID, entryKey: entry.key, url: entry.link, title: entry.title,
                              published: entry.published ?? entry.updated)
    }
}
