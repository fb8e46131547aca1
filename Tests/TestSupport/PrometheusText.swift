import Foundation

/// A checker of the Prometheus text exposition format (0.0.4), written for the tests: it
/// parses what ingestd serves or writes and refuses what a Prometheus server would refuse.
///
/// Checked: every line is a comment (`# HELP name text`, `# TYPE name type`, other `#` text) or a
/// sample `name{label="value",…} number [timestamp]`; names and label names are valid; label
/// values close their quotes and escape only `\\`, `\"` and `\n`; a sample's metric family has
/// its `# TYPE` line before it, at most once; no series appears twice.
public enum PrometheusText {
    public struct Failure: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Samples by series ("name{a=\"b\"}" as written), or the first failure.
    public static func parse(_ text: String) throws -> [String: Double] {
        var typed: Set<String> = [], samples: [String: Double] = [:]
        let types: Set<String> = ["counter", "gauge", "histogram", "summary", "untyped"]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
                guard parts.count >= 2, parts[1] == "HELP" || parts[1] == "TYPE" else { continue }
                guard parts.count >= 3, isName(parts[2]) else { throw Failure(line: number, reason: "bad \(parts[1]) line") }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, types.contains(parts[3]) else { throw Failure(line: number, reason: "bad type") }
                    guard typed.insert(parts[2]).inserted else { throw Failure(line: number, reason: "TYPE repeated for \(parts[2])") }
                }
                continue
            }
            var rest = Substring(line)
            let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
            guard isName(name) else { throw Failure(line: number, reason: "bad metric name") }
            rest = rest.dropFirst(name.count)
            var series = name
            if rest.first == "{" {
                guard let labels = labelSet(&rest) else { throw Failure(line: number, reason: "bad label set") }
                series += labels
            }
            guard rest.first == " " else { throw Failure(line: number, reason: "no space before the value") }
            let fields = rest.dropFirst().split(separator: " ")
            guard (1...2).contains(fields.count), let value = Double(fields[0]) ?? special(fields[0]),
                  fields.count == 1 || Int64(fields[1]) != nil else { throw Failure(line: number, reason: "bad value") }
            let family = ["_bucket", "_sum", "_count"].reduce(name) { $0.hasSuffix($1) ? String($0.dropLast($1.count)) : $0 }
            guard typed.contains(name) || typed.contains(family) else { throw Failure(line: number, reason: "\(name) has no TYPE before it") }
            guard samples.updateValue(value, forKey: series) == nil else { throw Failure(line: number, reason: "\(series) twice") }
        }
        return samples
    }

    private static func isName(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    private static func special(_ s: Substring) -> Double? {
        switch s { case "NaN": .nan; case "+Inf": .infinity; case "-Inf": -.infinity; default: nil }
    }

    /// Reads `{a="b",c="d"}` off the front of `rest`; the label set as written, or nil.
    private static func labelSet(_ rest: inout Substring) -> String? {
        var out = "{"
        rest = rest.dropFirst()
        while rest.first != "}" {
            let name = String(rest.prefix { $0 != "=" })
            guard isName(name), !name.hasPrefix("__") else { return nil }
            rest = rest.dropFirst(name.count)
            guard rest.hasPrefix("=\"") else { return nil }
            rest = rest.dropFirst(2)
            guard let (value, _) = QuotedText.read(&rest) else { return nil }
            out += "\(name)=\"\(value)\""
            if rest.first == "," {
                rest = rest.dropFirst()
                out += ","
            } else if rest.first != "}" {
                return nil
            }
        }
        rest = rest.dropFirst()
        return out + "}"
    }
}
