import ArgumentParser
import Fetcher
import Foundation

/// `ingestd feeds add URL...`: follow feeds, finding the feed of a web page by autodiscovery.
struct FeedsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Follow feeds (or resume parked or removed ones).",
        discussion: """
            Each URL is fetched once: a feed (RSS, Atom, RDF, JSON Feed, news sitemap) is added as it is; \
            an HTML page is searched for <link rel="alternate"> feeds and the first is added. With \
            --no-check nothing is fetched. A parked or removed feed is resumed, due at once.

            Example: ingestd feeds add https://example.org/news/

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("Feed or page URLs.", valueName: "url")) var urls: [String]
    @Flag(help: "Add the URLs as given, without fetching them.") var noCheck = false

    func run() throws {
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false)
            let store = try archive.openFeedList()
            let client = CurlClient(settings: settings.fetch)
            var failed = 0
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            for raw in urls {
                do {
                    let url = try FeedAddress.url(raw, relativeTo: here)
                    let (feedURL, title) = noCheck ? (url, nil) : try Self.resolve(url, client: client, settings: settings.fetch)
                    // A feed found through the page's link is the web's, not the operator's.
                    _ = try store.addFeed(url: feedURL, title: title, fromWeb: feedURL != url)
                    print("added \(feedURL)" + (title.map { " (\($0))" } ?? ""))
                } catch {
                    failed += 1
                    Console.warn("\(error)")
                }
            }
            if failed > 0 { throw CommandFailure(.dataError, "\(failed) of \(urls.count) URLs were not added") }
        }
    }

    /// The feed behind `url`: itself when it parses as a feed, else the first feed its page announces.
    static func resolve(_ url: String, client: CurlClient, settings: FetchSettings) throws -> (String, String?) {
        let capture = try client.fetch(FetchRequest(url: url))
        guard capture.isSuccess else { throw FetchError(url: url, reason: "HTTP status \(capture.status)") }
        let parser = FeedParser(maxBytes: settings.maxBodyBytes)
        if let feed = try? parser.parse(capture.body, url: capture.finalURL, contentType: capture.contentType) {
            return (url, feed.title)
        }
        guard let discovered = FeedDiscovery.feeds(inPage: capture.body, url: capture.finalURL).first else {
            throw FetchError(url: url, reason: "neither a feed nor a page announcing one (<link rel=\"alternate\" type=\"application/rss+xml\">)")
        }
        let feed = try parser.parse(try client.fetch(FetchRequest(url: discovered, foundOnWeb: true)).body, url: discovered)
        return (discovered, feed.title)
    }
}
