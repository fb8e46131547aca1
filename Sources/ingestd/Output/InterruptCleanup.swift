import Foundation

/// Removes unfinished `.partial` files when the process is interrupted (SIGINT, SIGTERM,
/// SIGHUP), then lets the signal end the process as it would have, so Ctrl-C on an export
/// leaves no stray file behind.
///
/// Guarantees: the signal handler calls only async-signal-safe functions (`unlink`,
/// `signal`, `raise`) on C strings prepared beforehand in fixed slots; at most `slots`
/// files are watched at once (an export writes one, `bench corpus` two).
enum InterruptCleanup {
    static let slots = 4
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slots)
        p.initialize(repeating: nil, count: slots)
        // A signal ignored at start (nohup, a background job) stays ignored; one that was
        // blocked (inherited from a parent's thread) is let through, or it would never come.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        let ignore = unsafeBitCast(SIG_IGN, to: Int.self)
        for signal in [SIGINT, SIGTERM, SIGHUP] where unsafeBitCast(Foundation.signal(signal, InterruptCleanup.handler), to: Int.self) == ignore {
            Foundation.signal(signal, SIG_IGN)
        }
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return p
    }()

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        for i in 0..<InterruptCleanup.slots { if let path = InterruptCleanup.paths[i] { unlink(path) } }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
    }

    /// Removes `path` if the process is interrupted before `release(path)`.
    static func watch(_ path: String) {
        for i in 0..<slots where paths[i] == nil {
            paths[i] = strdup(path)
            return
        }
    }

    static func release(_ path: String) {
        for i in 0..<slots {
            guard let watched = paths[i], String(cString: watched) == path else { continue }
            paths[i] = nil
            free(watched)
        }
    }
}
