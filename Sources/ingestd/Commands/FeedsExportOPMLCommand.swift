import ArgumentParser
import Fetcher
import Foundation

/// `ingestd feeds export-opml`: the followed feeds as OPML 2.0, for another reader.
struct FeedsExportOPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-opml", abstract: "Write the followed feeds (parked ones too) as OPML 2.0.", discussion: """
            Example: ingestd feeds export-opml --out ingestd.opml

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var out: String?

    func run() throws {
        try CommandFailure.reporting {
            let feeds = try archive.openFeedList(readOnly: true).feeds()
            let text = OPML.document(feeds.map { OPML.Subscription(url: $0.url, title: $0.title) }, title: "ingestd feeds")
            // Like every export: complete or not there, and a device or pipe written in place.
            let sink = try ExportSink(path: out)
            do {
                try sink.write(Data(text.utf8))
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        }
    }
}
