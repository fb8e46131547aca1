import Foundation

/// Where messages go: results to stdout, warnings and errors to stderr.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("ingestd: warning: \(message)\n".utf8))
    }
}
