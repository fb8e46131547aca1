import ArgumentParser
import Fetcher
import Foundation

/// `ingestd feeds import-opml FILE`: follow every feed of an OPML subscription list.
struct FeedsImportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-opml", abstract: "Follow every feed in an OPML file (folders flattened).",
        discussion: "Only http and https addresses are taken; any other (file:, javascript:, gopher:) is named and skipped.\n\nExample: ingestd feeds import-opml subscriptions.opml\n\n\(ExitStatus.help)")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("The OPML file.", valueName: "file")) var file: String

    func run() throws {
        try CommandFailure.reporting {
            let bytes: Data
            do { bytes = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CommandFailure(.noInput, "\(file): cannot read: \(error.localizedDescription)")
            }
            let subscriptions: [OPML.Subscription]
            do throws(FetchError) { subscriptions = try OPML.subscriptions(in: bytes, name: file) } catch {
                throw CommandFailure(.dataError, error.description)
            }
            let store = try archive.openFeedList()
            var added = 0
            for s in subscriptions {
                let url: String
                do throws(FeedAddress.Refused) { url = try FeedAddress.webURL(s.url) } catch {
                    Console.warn("\(file): \(error); skipped")
                    continue
                }
                _ = try store.addFeed(url: url, title: s.title, fromWeb: false)
                added += 1
            }
            print("feeds import-opml: \(added) feeds from \(file)")
            if added < subscriptions.count {
                throw CommandFailure(.partial, "\(subscriptions.count - added) of \(subscriptions.count) outlines of \(file) were not feed addresses")
            }
        }
    }
}
