import Foundation

/// Where messages go: results to stdout, warnings and errors to stderr.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("ingestd: warning: \(message)\n".utf8))
    }

    /// True when stdout is a terminal (then output may use colour).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
