import Foundation

/// An exclusive, non-blocking lock beside the archive (`ARCHIVE.lock`), held by writers.
///
/// Guarantees: at most one process holds it for one archive file, however the archive is
/// named (the lock sits beside the file's resolved real path, so a symlink or `..` names
/// the same lock); the kernel releases it when the holder exits in any way (including
/// SIGKILL), so a crashed run never leaves a stale lock. Taken through
/// `ArchiveOptions.lock()`, which refuses a folder first.
final class ArchiveLock {
    private let fd: Int32

    /// Takes the lock, or throws `.locked` at once if another process holds it.
    init(archivePath: String) throws(CommandFailure) {
        let folder = URL(fileURLWithPath: archivePath).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = Self.resolved(archivePath) + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CommandFailure(.cannotCreate, "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw CommandFailure(.locked, "another ingestd process is writing to \(archivePath) (lock \(path) is held); try again later")
        }
    }

    /// The archive's real path: the file's, symlinks resolved (a link to a file not yet made
    /// included), or for a file not yet made, its folder's real path and its name.
    static func resolved(_ path: String) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL.path
        for _ in 0..<40 {
            if let real = realpath(current, nil) {
                defer { free(real) }
                return String(cString: real)
            }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current = target.hasPrefix("/") ? target
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
        }
        let url = URL(fileURLWithPath: current)
        guard let folder = realpath(url.deletingLastPathComponent().path, nil) else { return url.path }
        defer { free(folder) }
        return String(cString: folder) + "/" + url.lastPathComponent
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
