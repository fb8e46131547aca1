import Foundation

/// Text as it stands inside a JSON string, for priming zlib (`CaptureBlob` format 5).
///
/// Guarantees: the output never changes for a given input, since stored blobs depend on
/// it (which is why this is not `JSONEncoder`, whose choices, such as escaping "/", may
/// differ between versions): `"` and `\` get a backslash, line feed, carriage return and
/// tab their short escapes, other control bytes `\u00XX`, and every other byte (UTF-8
/// included) stays as it is, the way most JSON writers leave it.
enum JSONEscaping {
    /// (Bytes are read through a buffer pointer, and runs that need no escape are copied
    /// whole: this runs on every imported text, and `Data`'s byte-by-byte iteration is slow.)
    static func escaped(_ text: Data) -> Data {
        text.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            var out = Data(capacity: bytes.count + bytes.count / 16 + 16)
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(contentsOf: escape(byte))
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
            return out
        }
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            return Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        default: return [UInt8(ascii: "\\"), byte]
        }
    }
}
