/// Byte-level checks and trimming for the feed reader's hot paths, where Foundation's
/// `contains`, `replacingOccurrences` and `trimmingCharacters` cost more than the parse.
extension String {
    /// Whether the UTF-8 form contains this ASCII character.
    func hasASCII(_ c: Unicode.Scalar) -> Bool { utf8.contains(UInt8(ascii: c)) }

    /// The string without leading and trailing Unicode white space (Python's `strip()`).
    func trimmedWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// Every `from` replaced by `to` (both ASCII); the same string when there is none.
    func replacingASCII(_ from: Unicode.Scalar, with to: Unicode.Scalar) -> String {
        guard hasASCII(from) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: from) ? UInt8(ascii: to) : $0 }, as: UTF8.self)
    }
}
