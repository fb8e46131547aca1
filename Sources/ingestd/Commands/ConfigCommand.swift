import ArgumentParser

/// `ingestd config`: start a config file and check one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write a starter config, or check one.",
        discussion: ExitStatus.help,
        subcommands: [ConfigInitCommand.self, ConfigCheckCommand.self])
}
