import Foundation

/// Where an export goes: stdout (no path, or `-`), a regular file that appears only when
/// complete, or an existing device, pipe or socket (`/dev/stdout`, a FIFO) written as it is.
///
/// Guarantees: a regular file gets its bytes in `PATH.partial`, renamed onto `PATH` by
/// `finish()`, so a failed or interrupted export never leaves a truncated file under the
/// requested name, nor (`InterruptCleanup`) a stray `PATH.partial` after Ctrl-C; a path
/// that already names something other than a regular file (or a symlink to one) is opened
/// and written in place, never replaced; a folder is refused, never replaced; write errors
/// (disk full) are reported with the path and exit status 74.
final class ExportSink {
    private let handle: FileHandle
    private let path: String?
    /// Whether bytes go to `path + ".partial"`, to be renamed when complete.
    private let staged: Bool

    init(path given: String?) throws {
        let path = given == "-" ? nil : given
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            staged = false
            return
        }
        let type = Self.fileType(path)
        if type == S_IFDIR {
            throw CommandFailure(.cannotCreate, "\(path) is a folder; pass the path of a file to write")
        }
        staged = type == nil || type == S_IFREG
        let target = staged ? path + ".partial" : path
        if staged {
            guard FileManager.default.createFile(atPath: target, contents: nil) else {
                throw CommandFailure(.cannotCreate, "cannot create \(target)")
            }
            InterruptCleanup.watch(target)
        }
        guard let h = FileHandle(forWritingAtPath: target) else {
            throw CommandFailure(.cannotCreate, "cannot open \(target) for writing")
        }
        handle = h
    }

    /// The type bits (`S_IFREG`, `S_IFDIR`, …) of what `path` names after symlinks; nil when nothing is there.
    private static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    private var target: String { path.map { staged ? $0 + ".partial" : $0 } ?? "stdout" }

    func write(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch {
            throw CommandFailure(.ioError, "cannot write \(target): \(error.localizedDescription)")
        }
    }

    func finish() throws {
        guard let path else { return }
        do {
            guard staged else { return try handle.close() }
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces an older file in one step, and never a folder.
            guard rename(path + ".partial", path) == 0 else {
                throw CommandFailure(.ioError, "cannot finish \(path): \(String(cString: strerror(errno)))")
            }
            InterruptCleanup.release(path + ".partial")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.ioError, "cannot finish \(path): \(error.localizedDescription)")
        }
    }

    func abandon() {
        guard let path else { return }
        try? handle.close()
        if staged {
            try? FileManager.default.removeItem(atPath: path + ".partial")
            InterruptCleanup.release(path + ".partial")
        }
    }
}
