import ArgumentParser
import Fetcher
import Foundation

/// `ingestd bench fetch URLS`: every feed in a list fetched and parsed through the same
/// `FetchPool` and `FeedParser` as `ingestd run`, twice: the second pass sends the
/// validators of the first, as the next cron run would.
struct BenchFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Time fetching and parsing a list of feeds, then a conditional second pass.",
        discussion: """
            Reads feed URLs, one per line, fetches them all with the configured concurrency and \
            politeness, parses each, and prints one line per pass: feeds, successes, 304s, failures, \
            entries, seconds and peak memory. Nothing is archived.

            Example: ingestd bench fetch feeds.txt --passes 2

            \(ExitStatus.help)
            """)

    @OptionGroup var config: ConfigOptions
    @Argument(help: ArgumentHelp("A file of feed URLs, one per line.", valueName: "file")) var list: String
    @Option(help: "Passes over the list (the second and later are conditional).") var passes = 2

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false)
            let text: String
            do { text = try String(contentsOfFile: list, encoding: .utf8) } catch {
                throw CommandFailure(.noInput, "\(list): cannot read: \(error.localizedDescription)")
            }
            let urls = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let parser = FeedParser(maxBytes: settings.fetch.maxBodyBytes)
            var validators: [String: (etag: String?, lastModified: String?)] = [:]
            var failedAny = false
            for pass in 1...max(passes, 1) {
                let pool = FetchPool(settings: settings.fetch)
                var ok = 0, notModified = 0, failed = 0, entries = 0
                let started = Date()
                for url in urls {
                    let known = validators[url]
                    pool.submit(FetchRequest(url: url, etag: known?.etag, lastModified: known?.lastModified)) { outcome in
                        guard case let .success(capture) = outcome.result, capture.isSuccess || capture.isNotModified else {
                            failed += 1
                            return
                        }
                        if capture.isNotModified { return notModified += 1 }
                        guard let feed = try? parser.parse(capture.body, url: capture.finalURL, contentType: capture.contentType) else {
                            failed += 1
                            return
                        }
                        ok += 1
                        entries += feed.entries.count
                        validators[url] = (capture.etag, capture.lastModified)
                    }
                }
                pool.run()
                let seconds = Date().timeIntervalSince(started)
                print(String(format: "bench-fetch: pass=%d feeds=%d ok=%d not_modified=%d failed=%d entries=%d seconds=%.3f peak_rss_mb=%d",
                             pass, urls.count, ok, notModified, failed, entries, seconds, PeakMemory.megabytes))
                failedAny = failedAny || failed > 0
            }
            if failedAny { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}
