import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a feed's raw bytes into UTF-8, choosing the charset in feedparser's order (RFC 3023):
/// the byte-order mark or the XML spec's first-bytes markers (UTF-16/32, EBCDIC), the HTTP
/// `Content-Type` charset, the XML declaration, then UTF-8, windows-1252 and ISO-8859-2,
/// taking the first that decodes the whole document without an error.
///
/// Guarantees: the result is valid UTF-8 with any BOM removed, `encoding` names the charset
/// that decoded it (lowercase, as declared or detected), and `overridden` says that charset
/// was not the one the document or server declared. Conversion goes through the C
/// library's iconv, so every charset glibc knows (KOI8-R, the ISO-8859 and Windows code
/// pages, EBCDIC, Mac encodings) decodes; an unknown label is skipped, never fatal.
public struct FeedCharset: Sendable {
    public var utf8: [UInt8]
    public var encoding: String
    public var overridden: Bool

    public static func decode(_ bytes: [UInt8], contentType: String? = nil) -> FeedCharset {
        var data = bytes[...]
        let bom = byteOrderMark(&data)
        let head = bom.flatMap { convert(Array(data.prefix(512)), from: $0, lenient: true) } ?? Array(data.prefix(512))
        var declared = xmlDeclarationEncoding(head)
        if let b = bom, let d = declared, unicodeLabels.contains(d) { declared = b }
        let http = contentType.flatMap(httpCharset)
        let preferred = http ?? declared ?? "utf-8"
        var tried: [String] = []
        for candidate in [preferred, declared, bom, "utf-8", "windows-1252", "iso-8859-2"].compactMap({ $0 }) {
            let label = candidate == "gb2312" ? "gb18030" : candidate
            guard !tried.contains(label) else { continue }
            tried.append(label)
            if let text = convert(Array(data), from: label, lenient: false) {
                return FeedCharset(utf8: redeclared(text), encoding: label, overridden: label != preferred)
            }
        }
        let text = convert(Array(data), from: "utf-8", lenient: true) ?? []
        return FeedCharset(utf8: redeclared(text), encoding: "utf-8", overridden: true)
    }

    /// The text with its XML declaration saying what it now is (libxml2 refuses a document
    /// whose declaration names a charset it does not know, even when told the real one).
    private static func redeclared(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.starts(with: Array("<?xml".utf8)), let end = utf8.prefix(512).firstIndex(of: UInt8(ascii: ">")) else {
            return utf8
        }
        return Array(#"<?xml version="1.0" encoding="utf-8"?>"#.utf8) + utf8[(end + 1)...]
    }

    /// Labels a BOM's charset overrides (a declaration cannot name the byte order).
    private static let unicodeLabels: Set<String> = [
        "u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
        "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4",
    ]

    /// Strips a byte-order mark (or recognizes the XML spec's first-bytes markers, which are
    /// kept) and returns the charset it implies.
    private static func byteOrderMark(_ data: inout ArraySlice<UInt8>) -> String? {
        let b = Array(data.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - data.count))
        switch (b[0], b[1], b[2], b[3]) {
        case (0x00, 0x00, 0xFE, 0xFF): data = data.dropFirst(4); return "utf-32be"
        case (0xFF, 0xFE, 0x00, 0x00): data = data.dropFirst(4); return "utf-32le"
        case (0xFE, 0xFF, _, _) where !(b[2] == 0 && b[3] == 0): data = data.dropFirst(2); return "utf-16be"
        case (0xFF, 0xFE, _, _) where !(b[2] == 0 && b[3] == 0): data = data.dropFirst(2); return "utf-16le"
        case (0xEF, 0xBB, 0xBF, _): data = data.dropFirst(3); return "utf-8"
        case (0x4C, 0x6F, 0xA7, 0x94): return "cp037"
        case (0x00, 0x3C, 0x00, 0x3F): return "utf-16be"
        case (0x3C, 0x00, 0x3F, 0x00): return "utf-16le"
        case (0x00, 0x00, 0x00, 0x3C): return "utf-32be"
        case (0x3C, 0x00, 0x00, 0x00): return "utf-32le"
        default: return nil
        }
    }

    /// The `encoding` pseudo-attribute of a leading `<?xml … ?>`, lowercased.
    static func xmlDeclarationEncoding(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return nil }
        let declaration = text[..<end.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        var rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let value = rest.prefix { $0 != quote }
        return value.isEmpty ? nil : value.lowercased()
    }

    /// The `charset` parameter of a Content-Type header, lowercased and unquoted.
    static func httpCharset(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// `text` encoded in `label` (for tests and fixtures), or nil when iconv cannot.
    static func convertFromUTF8(_ text: String, to label: String) -> [UInt8]? {
        iconv(Array(text.utf8), from: "UTF-8", to: label.uppercased(), lenient: false)
    }

    /// Python codec names that glibc's iconv spells differently.
    private static let iconvNames: [String: String] = [
        "cp_is": "CP861", "ibm039": "CP037", "csibm037": "CP037", "ebcdic_cp_be": "CP500",
        "ebcdic-cp-be": "CP500", "ebcdic_cp_ch": "CP500", "ebcdic-cp-ch": "CP500", "mac-cyrillic": "MAC-CYRILLIC",
        "maccyrillic": "MAC-CYRILLIC", "macintosh": "MACINTOSH", "macroman": "MACINTOSH", "u16": "UTF-16",
        "u32": "UTF-32", "utf_16": "UTF-16", "utf_32": "UTF-32", "utf16": "UTF-16", "utf32": "UTF-32",
        "cspc8codepage437": "CP437", "cspc775baltic": "CP775", "cspc850multilingual": "CP850",
        "cspc862latinhebrew": "CP862", "cspcp852": "CP852", "maccentraleurope": "MAC-CENTRALEUROPE",
        "maclatin2": "MAC-CENTRALEUROPE", "macgreek": "MAC-GREEK", "maciceland": "MAC-IS", "macturkish": "MAC-TURKISH",
    ]

    /// Converts `bytes` from `label` to UTF-8; nil when iconv does not know the label or,
    /// unless `lenient`, when any byte sequence is invalid in it.
    static func convert(_ bytes: [UInt8], from label: String, lenient: Bool) -> [UInt8]? {
        let name = iconvNames[label] ?? label.replacingOccurrences(of: "_", with: "-").uppercased()
        if name == "UTF-8" || name == "UTF8" {
            if let valid = String(validating: bytes, as: UTF8.self) { return Array(valid.utf8) }
            return lenient ? Array(String(decoding: bytes, as: UTF8.self).utf8) : nil
        }
        return iconv(bytes, from: name, to: "UTF-8", lenient: lenient)
    }

    private static func iconv(_ bytes: [UInt8], from name: String, to target: String, lenient: Bool) -> [UInt8]? {
        let converter = iconv_open(target, name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                while inLeft > 0 {
                    if Glibc.iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
                        guard lenient, errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { return false }
                        // U+FFFD for the byte that did not decode, then go on after it.
                        for byte: UInt8 in [0xEF, 0xBF, 0xBD] { outPtr!.pointee = CChar(bitPattern: byte); outPtr! += 1 }
                        outLeft -= 3
                        inPtr! += 1
                        inLeft -= 1
                    }
                }
                produced = outBuf.count - outLeft
                return true
            }
        }
        guard ok else { return nil }
        return Array(output[..<produced])
    }
}
