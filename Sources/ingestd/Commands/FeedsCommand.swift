import ArgumentParser

/// `ingestd feeds`: commands about feeds themselves.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Work with feed documents.",
        subcommands: [FeedsParseCommand.self])
}
