import Foundation

/// An exclusive, non-blocking lock beside the archive (`ARCHIVE.lock`), held by writers.
///
/// Guarantees: at most one process holds it; the kernel releases it when the holder exits
/// in any way (including SIGKILL), so a crashed run never leaves a stale lock.
final class ArchiveLock {
    private let fd: Int32

    /// Takes the lock, or throws `.locked` at once if another process holds it.
    init(archivePath: String) throws(CommandFailure) {
        let path = archivePath + ".lock"
        let folder = URL(fileURLWithPath: archivePath).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CommandFailure(.cannotCreate, "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw CommandFailure(.locked, "another ingestd process is writing to \(archivePath) (lock \(path) is held); try again later")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
