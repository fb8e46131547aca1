import Foundation

/// Where ingestd keeps a user's files when told nothing: the XDG base directories.
///
/// Guarantees: `$XDG_CONFIG_HOME` and `$XDG_DATA_HOME` when set to absolute paths (the spec
/// ignores relative ones), else `$HOME/.config` and `$HOME/.local/share`; `$HOME` when set, else
/// the account's home folder.
enum UserFolders {
    static var config: URL { base("XDG_CONFIG_HOME", ".config").appendingPathComponent("ingestd") }
    static var data: URL { base("XDG_DATA_HOME", ".local/share").appendingPathComponent("ingestd") }

    static var home: URL {
        let env = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        return env.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FileManager.default.homeDirectoryForCurrentUser
    }

    private static func base(_ variable: String, _ fallback: String) -> URL {
        if let value = ProcessInfo.processInfo.environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        return home.appendingPathComponent(fallback, isDirectory: true)
    }
}
