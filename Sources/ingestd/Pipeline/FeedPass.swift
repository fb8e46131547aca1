import Archive
import Fetcher
import Foundation
import Normalizer

/// One cron pass over the configured feeds: fetch each feed (conditionally), archive every
/// entry not seen before, and remember the feed's validators.
///
/// Guarantees: a feed's validators and body hash are saved only after all its entries are
/// archived, so a pass killed midway is completed by the next one rather than hidden by a
/// 304; a failing feed or page is reported and counted, and never stops the other feeds.
struct FeedPass {
    let feeds: [FeedConfig]
    let store: ArchiveStore
    let client: CurlClient
    let parser: FeedParser
    let archiver: PageArchiver
    let warn: (String) -> Void

    func run() -> RunSummary {
        var summary = RunSummary()
        for feed in feeds {
            summary.feeds += 1
            do {
                try pass(feed, &summary)
            } catch {
                summary.feedsFailed += 1
                warn("\(error)")
            }
        }
        return summary
    }

    private func pass(_ feed: FeedConfig, _ summary: inout RunSummary) throws {
        let sourceID = try store.ensureSource(url: feed.url, kind: "feed")
        let state = try store.feedState(sourceID: sourceID)
        let capture: Capture
        do {
            capture = try client.fetch(FetchRequest(url: feed.url, etag: state.etag, lastModified: state.lastModified))
        } catch {
            try store.recordFeedFailure(sourceID: sourceID, status: nil, error: error.reason, at: Date())
            throw error
        }
        if capture.isNotModified {
            summary.feedsUnchanged += 1
            return try store.recordFeedSuccess(sourceID: sourceID, title: nil, status: 304, etag: capture.etag,
                                               lastModified: capture.lastModified, bodySHA256: nil, at: capture.fetchedAt)
        }
        guard capture.isSuccess else {
            try store.recordFeedFailure(sourceID: sourceID, status: capture.status, error: "HTTP \(capture.status)", at: capture.fetchedAt)
            throw FetchError(url: feed.url, reason: "HTTP status \(capture.status)")
        }
        let bodySHA = ArchiveStore.sha256Hex(capture.body)
        if bodySHA == state.lastBodySHA256 {
            summary.feedsUnchanged += 1
            return try store.recordFeedSuccess(sourceID: sourceID, title: nil, status: capture.status, etag: capture.etag,
                                               lastModified: capture.lastModified, bodySHA256: bodySHA, at: capture.fetchedAt)
        }
        let document: FeedDocument
        do { document = try parser.parse(capture.body, url: capture.finalURL, contentType: capture.contentType) } catch {
            try store.recordFeedFailure(sourceID: sourceID, status: capture.status, error: error.reason, at: capture.fetchedAt)
            throw error
        }
        var firstError: String?
        var failed = 0
        for entry in document.entries {
            summary.entries += 1
            if try store.isEntryKnown(sourceID: sourceID, entryKey: entry.key) {
                summary.entriesKnown += 1
                continue
            }
            do {
                summary.count(try archive(entry, sourceID: sourceID))
            } catch let error as ArchiveError {
                throw error
            } catch {
                failed += 1
                firstError = firstError ?? "\(error)"
                warn("\(error)")
            }
        }
        summary.entriesFailed += failed
        if let firstError {
            try store.recordFeedFailure(sourceID: sourceID, status: capture.status,
                                        error: "\(failed) of \(document.entries.count) entries failed; first: \(firstError)",
                                        at: capture.fetchedAt)
        } else {
            try store.recordFeedSuccess(sourceID: sourceID, title: document.title, status: capture.status, etag: capture.etag,
                                        lastModified: capture.lastModified, bodySHA256: bodySHA, at: capture.fetchedAt)
        }
    }

    private func archive(_ entry: FeedEntry, sourceID: Int64) throws -> IngestOutcomeKind {
        guard let link = entry.link else {
            warn("entry \(entry.key) has no link to an article page; skipped")
            try store.settleEntry(sourceID: sourceID, entryKey: entry.key, url: nil, title: entry.title, published: entry.published ?? entry.updated)
            return .empty
        }
        let page = try client.fetch(FetchRequest(url: link))
        guard page.isSuccess else { throw FetchError(url: link, reason: "HTTP status \(page.status)") }
        let sighting = Sighting(sourceID: sourceID, entryKey: entry.key, entryTitle: entry.title,
                                entryPublished: entry.published ?? entry.updated, url: link, capture: page.archiveInput)
        return try archiver.archive(sighting)
    }
}
