import ArgumentParser

/// The `ingestd` command line: one subcommand per file in this folder. Its entry point is
/// `IngestdMain.swift`, which a fuzzing build leaves out (libFuzzer brings its own).
struct Ingestd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingestd",
        abstract: "Deduplicating news ingest and archive.",
        discussion: """
            Fetches feeds and their article pages, extracts clean article text, finds exact, \
            syndicated and rewritten (shared wire passage) copies, and keeps everything with its \
            provenance in one SQLite archive.

            \(ExitStatus.help)
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, DaemonCommand.self, ImportCommand.self, DedupCommand.self, ClustersCommand.self, DocsCommand.self,
                      ExportCommand.self, ExtractCommand.self, FeedsCommand.self, RenormalizeCommand.self, StatsCommand.self,
                      SearchCommand.self, VerifyCommand.self, BackupCommand.self, ArchiveCommand.self, BenchCommand.self,
                      ConfigCommand.self, ExitCodesCommand.self])
}
