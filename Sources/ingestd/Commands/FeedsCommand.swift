import ArgumentParser

/// `ingestd feeds`: the feeds an archive follows, and feed documents themselves.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Add, list and remove followed feeds; import and export OPML; parse feed files.",
        subcommands: [FeedsAddCommand.self, FeedsListCommand.self, FeedsRemoveCommand.self, FeedsImportOPMLCommand.self,
                      FeedsExportOPMLCommand.self, FeedsParseCommand.self])
}
