import Foundation

/// Chooses the character encoding of an HTML page before it is parsed.
///
/// Order: byte-order mark → the HTTP `Content-Type` charset (when given) → `<meta charset>`
/// or `http-equiv` in the first 4 KiB → valid UTF-8 → detection among the legacy single-byte
/// encodings of the languages we serve (`LegacyCharsetDetector`: windows-1251, windows-1254,
/// else windows-1252, the WHATWG default and a superset of ISO-8859-1). Labels are normalized to names iconv knows
/// (`latin1` → ISO-8859-1, `iso-8859-1` served as windows-1252 as browsers do).
enum CharsetSniffer {
    static func encoding(of bytes: [UInt8], declared: String?, settings: NormalizerSettings) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let declared, let label = canonical(declared) { return label }
        if let meta = metaCharset(bytes.prefix(4096)), let label = canonical(meta) { return label }
        return String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : LegacyCharsetDetector.encoding(of: bytes, settings: settings)
    }

    /// The charset named in a `Content-Type` value, if any.
    static func charset(fromContentType value: String) -> String? {
        guard let r = value.range(of: #"charset\s*=\s*"?([A-Za-z0-9._:-]+)"#, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let part = value[r]
        return part.split(separator: "=").last.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
    }

    /// The label after the first `charset=` that sits inside a `<meta` tag, read on bytes.
    private static func metaCharset(_ head: ArraySlice<UInt8>) -> String? {
        let b = Array(head)
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count < b.count {
            defer { i += 1 }
            guard b[i] | 0x20 == key[0], (0..<key.count).allSatisfy({ b[i + $0] | 0x20 == key[$0] }) else { continue }
            guard let lt = b[..<i].lastIndex(of: UInt8(ascii: "<")), !b[lt..<i].contains(UInt8(ascii: ">")),
                  lt + 5 <= b.count, String(decoding: b[lt..<lt + 5], as: UTF8.self).lowercased() == "<meta" else { continue }
            var j = i + key.count
            while j < b.count, b[j] == 0x20 { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < b.count, b[j] == 0x20 || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
            let start = j
            while j < b.count, labelByte(b[j]) { j += 1 }
            if j > start { return String(decoding: b[start..<j], as: UTF8.self) }
        }
        return nil
    }

    private static func labelByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
            || c == UInt8(ascii: ":") || c == UInt8(ascii: "-")
    }

    private static func canonical(_ label: String) -> String? {
        let l = label.lowercased().trimmingCharacters(in: .whitespaces)
        switch l {
        case "": return nil
        case "utf8", "utf-8", "unicode-1-1-utf-8": return "UTF-8"
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252": return "windows-1252"
        case "cp1251", "windows-1251": return "windows-1251"
        case "cp1254", "windows-1254": return "windows-1254"
        case "latin5", "iso-8859-9", "iso8859-9": return "ISO-8859-9"
        case "koi8r", "koi8-r": return "KOI8-R"
        default: return l.uppercased()
        }
    }
}
