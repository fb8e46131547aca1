/// A configuration file that cannot be used; the message names the file and the setting.
struct ConfigError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "config \(path): \(reason)" }
}
