import ArgumentParser
import Foundation

/// `ingestd run`: one safe, incremental pass over the configured feeds, for cron.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch the configured feeds once and archive new articles.",
        discussion: """
            Cron-safe: holds an exclusive lock on the archive (a concurrent run exits at once with \
            code 75), fetches only the feeds that are due (see fetch.interval_minutes), all at once and \
            politely, with conditional GETs, and skips entries archived before. Feeds come from the config \
            and from `ingestd feeds add`. Prints one summary line (on a terminal, a progress bar first; \
            -v logs each feed and page). Exits 0 when the pass completed, even when \
            some feeds failed (each is named on stderr and counted in the summary; one that keeps failing is \
            parked); --strict exits 1 then. --metrics-file F writes the pass's figures for node_exporter's \
            textfile collector.

            Example: ingestd run -q --metrics-file /var/lib/node_exporter/textfile/ingestd.prom
            (in a crontab: */10 * * * * ingestd run -q >> ingestd.log 2>&1)

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Fetch every feed that is not parked, due or not.") var all = false
    @Flag(help: "Exit 1 when any feed, entry or page failed.") var strict = false
    @Flag(name: .shortAndLong, help: "Print only warnings and errors (no summary line).") var quiet = false
    @Flag(name: .shortAndLong, help: "Log each feed and page too: its status, entries, and what became of it.") var verbose = false
    @Option(help: "Log lines as human, logfmt or json (default: human on a terminal, else logfmt).") var logFormat: LogFormat?
    @Option(help: ArgumentHelp("After the pass, write its figures here in Prometheus text format (atomically).",
                               valueName: "file")) var metricsFile: String?

    func run() throws {
        Console.configureLog(format: logFormat, quiet: quiet, verbose: verbose)
        try CommandFailure.reporting {
            let runner = FeedRunner(archive: archive, settings: try archive.config.load(required: false))
            let started = Date()
            let summary = try runner.pass(everyFeed: all, progress: !quiet)
            let seconds = Date().timeIntervalSince(started)
            if !quiet { print("run: " + summary.line(seconds: seconds)) }
            if let metricsFile {
                do { try runner.metrics(summary, seconds: seconds).write(to: metricsFile) } catch {
                    throw CommandFailure(.cannotCreate, "cannot write the metrics file: \(error.localizedDescription)")
                }
            }
            if strict && summary.failures > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}

extension LogFormat: ExpressibleByArgument {}
