import ArgumentParser
import Archive
import Foundation

/// `ingestd archive copy SRC DEST`: SQLite to PostgreSQL and back, losslessly.
struct ArchiveCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an archive into a new SQLite file or an empty PostgreSQL database, keeping every id.",
        discussion: """
            SRC and DEST are each an archive file or a postgres:// URL. Documents, clusters, relations, every \
            capture with its raw and wire bytes, sightings, entries and feeds (with their schedule and validators) \
            are copied; the duplicate and search indexes are made again from the texts, under the config's dedup \
            settings, which must be the ones that built SRC. Writers to SRC wait while it is read. An SQLite DEST \
            must not exist: it is written as DEST.partial and renamed when complete. A PostgreSQL DEST must hold no \
            documents or feeds.

            Example: ingestd archive copy ~/news/archive.sqlite postgres://ingestd@localhost/news

            \(ExitStatus.help)
            """)

    @OptionGroup var config: ConfigOptions
    @Argument(help: ArgumentHelp("The archive to copy.", valueName: "src")) var source: String
    @Argument(help: ArgumentHelp("The new archive.", valueName: "dest")) var destination: String

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false)
            var from = ArchiveOptions()
            from.archive = source
            var to = ArchiveOptions()
            to.archive = destination
            guard from.isPostgres || to.isPostgres || ArchiveLock.resolved(source) != ArchiveLock.resolved(destination),
                  source != destination else {
                throw CommandFailure(.config, "SRC and DEST are the same archive")
            }
            let started = Date()
            let counts = try Self.copy(from: from, to: to, settings)
            print(String(format: "archive copy: %@ -> %@: %d documents, %d captures, %d other rows in %.1f s",
                         from.label, to.label, counts.documents, counts.captures, counts.rows, Date().timeIntervalSince(started)))
        }
    }

    /// Copies the archive `from` names into the new or empty one `to` names (see the
    /// command's discussion); `backup` of a PostgreSQL archive is this into a new file.
    static func copy(from: ArchiveOptions, to: ArchiveOptions, _ settings: IngestdConfig) throws -> ArchiveCopy.Counts {
        if from.isPostgres {
            let store = try from.openPostgres()
            return try store.holdingWriters { try copy(from: store, to: to, settings) }
        }
        let lock = try from.lock()
        defer { withExtendedLifetime(lock) {} }
        return try copy(from: try from.openReadOnly(), to: to, settings)
    }

    private static func copy(from source: any CopySource, to target: ArchiveOptions, _ settings: IngestdConfig) throws -> ArchiveCopy.Counts {
        if target.isPostgres {
            let store = try target.openPostgres()
            return try ArchiveCopy(source: source, target: store, settings: settings.dedup).run()
        }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CommandFailure(.cannotCreate, "\(target.path) exists; archive copy writes a new archive (remove it, or name another)")
        }
        var partial = target
        partial.archive = target.path + ".partial"
        let files = ["", "-wal", "-shm"].map { partial.path + $0 }
        let removePartial = { for file in files { try? FileManager.default.removeItem(atPath: file) } }
        removePartial()
        InterruptCleanup.watch(partial.path)
        defer { InterruptCleanup.release(partial.path) }
        do {
            // The store is closed (its WAL checkpointed into the file) before the rename.
            let counts = try ArchiveCopy(source: source, target: try partial.openForWriting(), settings: settings.dedup).run()
            try FileManager.default.moveItem(atPath: partial.path, toPath: target.path)
            return counts
        } catch {
            removePartial()
            throw error
        }
    }
}
