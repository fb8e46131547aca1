import ArgumentParser
import Archive
import Foundation

/// `--archive PATH`, shared by every command, and how the archive is opened.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The archive file.",
        discussion: "Default: $INGESTD_ARCHIVE, else ~/.local/share/ingestd/archive.sqlite.",
        valueName: "path"))
    var archive: String?

    var path: String {
        if let archive { return archive }
        if let env = ProcessInfo.processInfo.environment["INGESTD_ARCHIVE"], !env.isEmpty { return env }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/ingestd/archive.sqlite").path
    }

    /// Opens the archive for writing, creating it if needed.
    func openForWriting() throws -> ArchiveStore {
        do { return try ArchiveStore(path: path) } catch {
            throw CommandFailure(.cannotCreate, error.description)
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

    /// Opens an existing archive; a missing file is an error rather than a new empty archive.
    func openExisting() throws -> ArchiveStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(.noInput, "no archive at \(path) (run `ingestd run` or `ingestd import` first, or pass --archive)")
        }
        do { return try ArchiveStore(path: path) } catch {
            throw CommandFailure(.ioError, error.description)
        }
    }
}
