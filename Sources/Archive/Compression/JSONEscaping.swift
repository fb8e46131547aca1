import Foundation

/// Text as it stands inside a JSON string, for priming zlib (`CaptureBlob` format 5).
///
/// Guarantees: the output never changes for a given input, since stored blobs depend on
/// it (which is why this is not `JSONEncoder`, whose choices, such as escaping "/", may
/// differ between versions): `"` and `\` get a backslash, line feed, carriage return and
/// tab their short escapes, other control bytes `\u00XX`, and every other byte (UTF-8
/// included) stays as it is, the way most JSON writers leave it.
enum JSONEscaping {
    static func escaped(_ text: Data) -> Data {
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(text.count + text.count / 16)
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        return Data(out)
    }
}
