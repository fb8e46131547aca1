import ArgumentParser
import Archive

/// `ingestd backup DEST`: a consistent copy of the archive, taken while runs go on.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, compacted copy of the archive (never overwrites).",
        discussion: "Uses SQLite's VACUUM INTO inside one read transaction, so a run writing meanwhile is neither blocked nor half-copied. The copy is written to DEST.partial and renamed to DEST when complete: an interrupted backup leaves no DEST.\n\n\(ExitStatus.help)")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "dest")) var destination: String

    func run() throws {
        try CommandFailure.reporting {
            let store = try archive.openReadOnly()
            do throws(ArchiveError) {
                try store.backup(to: destination, started: InterruptCleanup.watch, finished: InterruptCleanup.release)
            } catch {
                throw CommandFailure(.cannotCreate, error.description)
            }
            print("backup: \(archive.path) -> \(destination)")
        }
    }
}
