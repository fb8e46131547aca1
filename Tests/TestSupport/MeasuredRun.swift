import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real `ingestd` to completion and measures it as the kernel saw it: wall time and
/// the child's own peak resident set (from `wait4`, so other children do not count).
public struct MeasuredRun {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var seconds: Double
    public var peakRSSMegabytes: Double

    public static func ingestd(_ arguments: [String]) throws -> MeasuredRun {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([TestPaths.ingestd.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, TestPaths.ingestd.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestFailure("could not start ingestd: error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(started)
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return MeasuredRun(status: exit, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                           stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                           seconds: seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
