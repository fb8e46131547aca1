/// A double-quoted value as Prometheus label values and logfmt write it: `\\`, `\"` and `\n`
/// are the only escapes. One reader for both test parsers.
public enum QuotedText {
    /// Reads from just after an opening quote through the closing one, leaving `rest` after it;
    /// the value as written (escapes kept) and as meant. Nil when it is unterminated or has
    /// another escape.
    public static func read(_ rest: inout Substring) -> (written: String, value: String)? {
        var written = "", value = ""
        while let c = rest.first, c != "\"" {
            if c == "\\" {
                guard let next = rest.dropFirst().first, next == "\\" || next == "\"" || next == "n" else { return nil }
                written += "\\\(next)"
                value.append(next == "n" ? "\n" : next)
                rest = rest.dropFirst(2)
            } else {
                written.append(c)
                value.append(c)
                rest = rest.dropFirst()
            }
        }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        return (written, value)
    }
}
