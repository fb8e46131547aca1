import Yams

/// Where a setting sits in a config's YAML tree, so errors can name its line and column.
///
/// Guarantees: positions are Yams's marks (1-based line and column of the value, or of the key
/// for a key that is wrong itself); a setting not in the file has none.
struct ConfigPosition {
    let root: Node

    /// The value at a key path (`["fetch", "retries"]`, `["feeds", "2", "url"]`).
    func node(_ keys: [String]) -> Node? {
        var node = root
        for key in keys {
            switch node {
            case let .mapping(mapping):
                guard let value = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                node = value
            case let .sequence(sequence):
                guard let index = Int(key), sequence.indices.contains(index) else { return nil }
                node = sequence[index]
            default: return nil
            }
        }
        return node
    }

    /// The error with the position of the first setting its reason names (`fetch.retries`,
    /// `normalizer.max_parse_seconds`, `feeds[2]`), when it has none yet and the file holds it.
    func locate(_ error: ConfigError) -> ConfigError {
        guard error.line == nil else { return error }
        for keys in Self.settings(in: error.reason) {
            if let mark = node(keys)?.mark {
                var located = error
                located.line = mark.line
                located.column = mark.column
                return located
            }
        }
        return error
    }

    /// Setting paths a message names: `section.key` (and the section's other keys the message
    /// lists after it, "low_speed_bytes and low_speed_seconds"), `section[i]`, or a bare section.
    static func settings(in reason: String) -> [[String]] {
        let words = reason.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "[" || $0 == "]") }
        var found: [[String]] = [], section: String?
        for word in words {
            let parts = word.split(separator: ".").map(String.init)
            if parts.count == 2 {
                section = parts[0]
                found.append(index(parts[0]) + [parts[1]])
            } else if parts.count == 1, let section, word.contains("_") {
                found.append(index(section) + [parts[0]])
            } else if parts.count == 1, word.hasSuffix("]") {
                found.append(index(parts[0]))
            }
        }
        return found
    }

    /// "feeds[2]" → ["feeds", "2"].
    private static func index(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return [name] }
        return [String(name[..<open]), String(name[name.index(after: open)..<name.index(before: name.endIndex)])]
    }
}
