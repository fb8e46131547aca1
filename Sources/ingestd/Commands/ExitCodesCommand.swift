import ArgumentParser

/// `ingestd exit-codes` (and `ingestd help exit-codes`): what each exit status means, for cron
/// wrappers and scripts.
struct ExitCodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exit-codes",
        abstract: "What each exit status of ingestd means.",
        discussion: """
            They follow sysexits(3), so a wrapper can tell a locked archive (try later) from a bad config \
            (fix it) from failed inputs.

            \(ExitStatus.table)
            """)

    func run() {
        print(ExitStatus.table)
    }
}
