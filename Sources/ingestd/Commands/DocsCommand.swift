import ArgumentParser

/// `ingestd docs …`: inspect archived documents.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs", abstract: "Inspect archived documents.", subcommands: [DocsListCommand.self, DocsShowCommand.self])
}
