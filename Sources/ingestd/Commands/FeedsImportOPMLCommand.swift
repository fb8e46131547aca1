import ArgumentParser
import Fetcher
import Foundation

/// `ingestd feeds import-opml FILE`: follow every feed of an OPML subscription list.
struct FeedsImportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-opml", abstract: "Follow every feed in an OPML file (folders flattened).", discussion: ExitStatus.help)

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
            let store = try archive.openForWriting()
            for s in subscriptions { _ = try store.addFeed(url: s.url, title: s.title) }
            print("feeds import-opml: \(subscriptions.count) feeds from \(file)")
        }
    }
}
