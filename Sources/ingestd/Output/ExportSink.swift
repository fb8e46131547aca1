import Foundation

/// Where an export goes: stdout, or a file that appears only when complete.
///
/// Guarantees: with a path, bytes go to `PATH.partial` and are renamed onto `PATH` by
/// `finish()`, so a failed or interrupted export never leaves a truncated file under the
/// requested name; write errors (disk full) are reported with the path.
final class ExportSink {
    private let handle: FileHandle
    private let path: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
              let h = FileHandle(forWritingAtPath: partial) else {
            throw CommandFailure(.cannotCreate, "cannot create \(partial)")
        }
        handle = h
    }

    func write(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch {
            throw CommandFailure(.ioError, "cannot write \(path.map { $0 + ".partial" } ?? "stdout"): \(error.localizedDescription)")
        }
    }

    func finish() throws {
        guard let path else { return }
        do {
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        } catch {
            throw CommandFailure(.ioError, "cannot finish \(path): \(error.localizedDescription)")
        }
    }

    func abandon() {
        guard let path else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path + ".partial")
    }
}
