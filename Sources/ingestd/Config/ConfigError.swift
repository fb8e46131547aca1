/// A configuration file that cannot be used; the message names the file, the setting and,
/// when the file has one for it, the line and column (`config F:3:5: …`), as compilers do.
struct ConfigError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var line: Int?
    var column: Int?

    init(path: String, reason: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
    }

    var description: String {
        guard let line, let column else { return "config \(path): \(reason)" }
        return "config \(path):\(line):\(column): \(reason)"
    }
}
