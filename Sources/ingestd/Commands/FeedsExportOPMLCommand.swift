import ArgumentParser
import Fetcher
import Foundation

/// `ingestd feeds export-opml`: the followed feeds as OPML 2.0, for another reader.
struct FeedsExportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-opml", abstract: "Write the followed feeds (parked ones too) as OPML 2.0.", discussion: ExitStatus.help)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var out: String?

    func run() throws {
        try CommandFailure.reporting {
            let feeds = try archive.openExisting().feeds()
            let text = OPML.document(feeds.map { OPML.Subscription(url: $0.url, title: $0.title) }, title: "ingestd feeds")
            guard let out else { return print(text, terminator: "") }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CommandFailure(.cannotCreate, "\(out): \(error.localizedDescription)")
            }
        }
    }
}
