import Foundation

/// This process's peak resident memory since it started running `ingestd`.
///
/// Read from `VmHWM` in /proc/self/status, the high-water mark of this program's own
/// address space; `getrusage`'s `ru_maxrss` also counts the parent's memory when the
/// process was started by posix_spawn or vfork, which makes it useless under a test
/// runner. Falls back to `ru_maxrss` where /proc is missing.
enum PeakMemory {
    static var megabytes: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
            return kb / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
