import Markup

/// Makes a feed's stray ampersands and HTML entities XML-legal, for the second, lenient read
/// of a document that was not well-formed: `&eacute;` becomes `&#233;`, and an `&` that
/// starts no reference XML or HTML knows becomes `&amp;`. XML's five entities, numeric
/// references and entities the document declares itself are left alone.
enum EntityRepair {
    static func repair(_ bytes: [UInt8], declared: Set<String>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "#") {
                out.append(b)
                i += 1
                continue
            }
            while j < bytes.count, j - i <= 32, isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            if j < bytes.count, bytes[j] == UInt8(ascii: ";"), !name.isEmpty {
                if xmlEntities.contains(name) || declared.contains(name) {
                    out.append(contentsOf: bytes[i...j])
                } else if let code = HTMLEntities.codePoint(named: name) {
                    out.append(contentsOf: Array("&#\(code);".utf8))
                } else {
                    out.append(contentsOf: Array("&amp;".utf8))
                    out.append(contentsOf: bytes[(i + 1)...j])
                }
                i = j + 1
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                i += 1
            }
        }
        return out
    }

    private static let xmlEntities: Set<String> = ["lt", "gt", "amp", "quot", "apos"]

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2E
    }
}
