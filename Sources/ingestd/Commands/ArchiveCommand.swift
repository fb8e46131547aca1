import ArgumentParser

/// `ingestd archive …`: the archive as a whole.
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Work on the archive as a whole.",
        subcommands: [ArchiveCopyCommand.self])
}
