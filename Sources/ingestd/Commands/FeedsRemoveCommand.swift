import ArgumentParser

/// `ingestd feeds remove URL...`: stop following feeds; what they brought stays archived.
struct FeedsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop following feeds (their documents and provenance stay).",
        discussion: "A removed feed that the config file still lists is skipped, with a warning, until `ingestd feeds add` resumes it.\n\nExample: ingestd feeds remove https://example.org/rss.xml\n\n\(ExitStatus.help)")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("Feed URLs, as `feeds list` shows them.", valueName: "url")) var urls: [String]

    func run() throws {
        try CommandFailure.reporting {
            let store = try archive.openFeedList(existing: true)
            var unknown: [String] = []
            for url in urls {
                if try store.removeFeed(url: url) { print("removed \(url)") } else { unknown.append(url) }
            }
            if !unknown.isEmpty { throw CommandFailure(.dataError, "not followed: \(unknown.joined(separator: ", "))") }
        }
    }
}
