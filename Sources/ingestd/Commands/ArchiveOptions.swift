import ArgumentParser
import Archive
import Foundation

/// `--archive PATH`, shared by every command, and how the archive is opened.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The archive file, or a PostgreSQL database as postgres://user@host:port/db.",
        discussion: """
            Default: $INGESTD_ARCHIVE, else the config's archive.url, else \
            archive.sqlite in $XDG_DATA_HOME/ingestd (~/.local/share/ingestd). What a postgres:// URL leaves out comes from the PG* \
            environment variables (PGPASSWORD, PGSSLMODE, …); every command works on either.
            """,
        valueName: "path|url"))
    var archive: String?

    /// `--config`: the archive may be named there, and the commands that fetch or normalize
    /// read their settings from it.
    @OptionGroup var config: ConfigOptions

    /// Without `--archive` or $INGESTD_ARCHIVE, takes the config's `archive.url`; a config
    /// that cannot be read is a config error (78) here, before anything is opened.
    mutating func validate() throws {
        guard archive == nil, Self.environmentArchive == nil else { return }
        var configured: String?
        try CommandFailure.reporting { configured = try config.load(required: false).archive }
        archive = configured
    }

    private static var environmentArchive: String? {
        ProcessInfo.processInfo.environment["INGESTD_ARCHIVE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var path: String {
        if let archive { return archive }
        if let env = Self.environmentArchive { return env }
        return UserFolders.data.appendingPathComponent("archive.sqlite").path
    }

    /// Whether the archive is a PostgreSQL database.
    var isPostgres: Bool { PostgresArchive.isURL(path) }

    /// The archive as messages name it: its path, or its URL without a password.
    var label: String { isPostgres ? PostgresArchive.label(of: path) : path }

    /// Connects to the PostgreSQL archive, bringing its tables up to date, and claims it for
    /// index keys of `indexScheme` when given. A server that cannot be reached exits 74.
    func openPostgres(indexScheme: String? = nil) throws -> PostgresArchive {
        do {
            let store = try PostgresArchive(url: path)
            if let indexScheme { try store.claimIndexScheme(indexScheme) }
            return store
        } catch {
            if case .indexSchemeMismatch = error { throw CommandFailure(.config, error.description) }
            throw CommandFailure(.ioError, error.description)
        }
    }

    /// The archive's feed list: on PostgreSQL the database; on SQLite the file, opened read-only,
    /// or for writing (created if needed, unless `existing`).
    func openFeedList(readOnly: Bool = false, existing: Bool = false) throws -> any FeedList {
        if isPostgres { return try openPostgres() }
        return try readOnly ? openReadOnly() : existing ? openExisting() : openForWriting()
    }

    /// Opens the archive for writing, creating it if needed.
    func openForWriting() throws -> ArchiveStore {
        try refuseFolder()
        do { return try ArchiveStore(path: path) } catch {
            throw Self.failure(error, else: .cannotCreate)
        }
    }

    /// Opens the archive for adding documents whose index keys are of `indexScheme`,
    /// creating it if needed; an archive whose keys are of another scheme is a config error
    /// (see `ArchiveStore.claimIndexScheme`).
    func openForIngest(indexScheme: String) throws -> ArchiveStore {
        let store = try openForWriting()
        do { try store.claimIndexScheme(indexScheme) } catch {
            if case .indexSchemeMismatch = error { throw CommandFailure(.config, error.description) }
            throw CommandFailure(.ioError, error.description)
        }
        return store
    }

    /// Opens an existing archive for writing; a missing file is an error rather than a new
    /// empty archive.
    func openExisting() throws -> ArchiveStore {
        try requireFile()
        do { return try ArchiveStore(path: path) } catch {
            throw Self.failure(error, else: .ioError)
        }
    }

    /// Opens an existing archive for reading only: nothing is written, so this works on a
    /// read-only file or a full disk. An archive of an older schema is upgraded first, by
    /// opening it for writing, when that is possible.
    func openReadOnly() throws -> ArchiveStore {
        try requireFile()
        do { return try ArchiveStore(path: path, readOnly: true) } catch {
            guard case .needsUpgrade = error else { throw Self.failure(error, else: .ioError) }
            do { return try ArchiveStore(path: path) } catch let upgrade {
                throw CommandFailure(.ioError, "\(error.description); that failed: \(upgrade.description)")
            }
        }
    }

    /// Takes the writers' lock beside the archive (`ArchiveLock`); a folder is refused before
    /// any lock file is made.
    func lock() throws -> ArchiveLock {
        try refuseFolder()
        return try ArchiveLock(archivePath: path)
    }

    private func requireFile() throws {
        try refuseFolder()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.noInput, "no archive at \(path) (run `ingestd run` or `ingestd import` first, or pass --archive)")
        }
    }

    private func refuseFolder() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandFailure(.cannotCreate, "\(path) is a folder; --archive names the archive file (such as \(path)/archive.sqlite)")
        }
    }

    /// A file that is not an archive is unusable input (65); other failures are `fallback`.
    private static func failure(_ error: ArchiveError, else fallback: ExitStatus) -> CommandFailure {
        switch error {
        case .notAnArchive, .newerSchema: CommandFailure(.dataError, error.description)
        default: CommandFailure(fallback, error.description)
        }
    }
}
