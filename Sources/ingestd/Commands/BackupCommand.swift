import ArgumentParser
import Archive

/// `ingestd backup DEST`: a consistent copy of the archive, taken while runs go on.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, compacted copy of the archive (never overwrites).",
        discussion: "Uses SQLite's VACUUM INTO inside one read transaction, so a run writing meanwhile is neither blocked nor half-copied. The copy is written to DEST.partial and renamed to DEST when complete: an interrupted backup leaves no DEST. A PostgreSQL archive is backed up as `archive copy` into the new SQLite file DEST (writers wait meanwhile; --config must give the dedup settings that built it).\n\nExample: ingestd backup ~/backups/archive-2026-12-06.sqlite\n\n\(ExitStatus.help)")

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "dest")) var destination: String

    func run() throws {
        try CommandFailure.reporting {
            if archive.isPostgres {
                var file = ArchiveOptions()
                file.archive = destination
                _ = try ArchiveCopyCommand.copy(from: archive, to: file, try archive.config.load(required: false))
                print("backup: \(archive.label) -> \(destination)")
                return
            }
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
