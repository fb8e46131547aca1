import ArgumentParser

/// `ingestd config check [FILE]`: reads a config as every command would, and says what is wrong
/// with it, with its line and column.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a config file: unknown settings and bad values, with their line and column.",
        discussion: """
            FILE defaults as for every command: $INGESTD_CONFIG, else ~/.config/ingestd/ingestd.yaml. \
            Exits 0 when the file is usable, 78 when it is not, naming FILE:LINE:COLUMN and the setting.

            Example: ingestd config check ~/.config/ingestd/ingestd.yaml

            \(ExitStatus.help)
            """)

    @Argument(help: "The config file.") var file: String?

    func run() throws {
        try CommandFailure.reporting {
            let options = try ConfigOptions.parse(file.map { ["--config", $0] } ?? [])
            let path = options.path
            let config = try options.load(required: true)
            let archive = config.archive.map { ", archive \($0)" } ?? ""
            print("config \(path): ok: \(config.feeds.count) feeds\(archive)")
        }
    }
}
