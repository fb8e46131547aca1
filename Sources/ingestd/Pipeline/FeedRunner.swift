import Archive
import Dedup
import Fetcher
import Foundation
import Normalizer

/// One pass over the feeds into the archive, as `run` makes it once and `daemon` again and again.
///
/// Guarantees: on SQLite the archive's lock is held for the pass and released when it returns
/// or throws; on PostgreSQL workers share feeds by leases instead. `onPool` gets the pass's
/// fetch pool before it starts, so a signal can stop it (`FetchPool.stop(because:)`): what was
/// archived stays, and what was cut short is tried again next pass.
struct FeedRunner {
    let archive: ArchiveOptions
    let settings: IngestdConfig

    /// With `progress`, a bar on a terminal counts the feeds done, with their rate and the time left.
    func pass(everyFeed: Bool, progress: Bool = false, onPool: (FetchPool) -> Void = { _ in }) throws -> RunSummary {
        let lock = archive.isPostgres ? nil : try archive.lock()
        defer { withExtendedLifetime(lock) {} }
        let pool = FetchPool(settings: settings.fetch)
        let store: any FeedStore
        if archive.isPostgres {
            let shared = try archive.openPostgres(indexScheme: settings.dedup.indexScheme)
            pool.hostTurns = SharedHostTurns(store: shared, warn: Console.warn)
            store = shared
        } else {
            store = try archive.openForIngest(indexScheme: settings.dedup.indexScheme)
        }
        onPool(pool)
        let bar = progress ? ProgressBar(total: 0) : nil
        defer { bar?.finish() }
        let events = PassEvents(warn: Console.warn, detail: Console.detail, feedsDue: { bar?.expect($0) }, feedDone: { bar?.advance() })
        let pass = FeedPass(
            store: store, pool: pool, parser: FeedParser(maxBytes: settings.fetch.maxBodyBytes),
            archiver: PageArchiver(normalizer: Normalizer(settings: settings.normalizer),
                                   ingestor: Ingestor(writer: store, matcher: DuplicateMatcher(settings: settings.dedup))),
            schedule: settings.schedule, keepFeedCaptures: settings.keepFeedCaptures, events: events)
        return try pass.run(configured: settings.feeds, everyFeed: everyFeed)
    }

    /// The pass's figures, with the SQLite archive's size (the file and its write-ahead log).
    func metrics(_ summary: RunSummary, seconds: Double) -> PassMetrics {
        let bytes = archive.isPostgres ? nil : [archive.path, archive.path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        return PassMetrics(summary: summary, seconds: seconds, finishedAt: Date(), archiveBytes: bytes)
    }
}
