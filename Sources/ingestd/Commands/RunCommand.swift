import ArgumentParser
import Archive
import Fetcher
import Dedup
import Foundation
import Normalizer

/// `ingestd run`: one safe, incremental pass over the configured feeds, for cron.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch the configured feeds once and archive new articles.",
        discussion: """
            Cron-safe: holds an exclusive lock on the archive (a concurrent run exits at once with \
            code 75), fetches only the feeds that are due (see fetch.interval_minutes), all at once and \
            politely, with conditional GETs, and skips entries archived before. Feeds come from the config \
            and from `ingestd feeds add`. Prints one summary line. Exits 0 when the pass completed, even when \
            some feeds failed (each is named on stderr and counted in the summary; one that keeps failing is \
            parked); --strict exits 1 then. --metrics-file F writes the pass's figures for node_exporter's \
            textfile collector.

            Example (crontab): */10 * * * * ingestd run -q >> ingestd.log 2>&1

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Fetch every feed that is not parked, due or not.") var all = false
    @Flag(help: "Exit 1 when any feed, entry or page failed.") var strict = false
    @Flag(name: .shortAndLong, help: "Print only warnings and errors (no summary line).") var quiet = false
    @Option(help: "Log lines as human, logfmt or json (default: human on a terminal, else logfmt).") var logFormat: LogFormat?
    @Option(help: ArgumentHelp("After the pass, write its figures here in Prometheus text format (atomically).",
                               valueName: "file")) var metricsFile: String?

    func run() throws {
        Console.configureLog(format: logFormat, quiet: quiet)
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false)
            // On PostgreSQL, workers share the feeds by leases (`FeedStore`); SQLite has one run at a time.
            let lock = archive.isPostgres ? nil : try archive.lock()
            let pool = FetchPool(settings: settings.fetch)
            let store: any FeedStore
            if archive.isPostgres {
                let shared = try archive.openPostgres(indexScheme: settings.dedup.indexScheme)
                pool.hostTurns = SharedHostTurns(store: shared, warn: Console.warn)
                store = shared
            } else {
                store = try archive.openForIngest(indexScheme: settings.dedup.indexScheme)
            }
            let started = Date()
            let pass = FeedPass(
                store: store, pool: pool, parser: FeedParser(maxBytes: settings.fetch.maxBodyBytes),
                archiver: PageArchiver(normalizer: Normalizer(settings: settings.normalizer),
                                       ingestor: Ingestor(writer: store, matcher: DuplicateMatcher(settings: settings.dedup))),
                schedule: settings.schedule, keepFeedCaptures: settings.keepFeedCaptures, warn: Console.warn)
            let summary = try pass.run(configured: settings.feeds, everyFeed: all)
            withExtendedLifetime(lock) {}
            let seconds = Date().timeIntervalSince(started)
            if !quiet { print("run: " + summary.line(seconds: seconds)) }
            if let metricsFile {
                let metrics = PassMetrics(summary: summary, seconds: seconds, finishedAt: Date(),
                                          archiveBytes: archive.isPostgres ? nil : Self.fileBytes(archive.path))
                do { try metrics.write(to: metricsFile) } catch {
                    throw CommandFailure(.cannotCreate, "cannot write the metrics file: \(error.localizedDescription)")
                }
            }
            if strict && summary.failures > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }

    /// The SQLite archive's bytes: the file and its write-ahead log.
    private static func fileBytes(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }
}

extension LogFormat: ExpressibleByArgument {}
