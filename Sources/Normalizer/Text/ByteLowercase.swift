/// Lowercasing UTF-8 on its bytes, for the scalars whose lowercase is one scalar of the same
/// encoded length: ASCII, and the Latin, Greek and Cyrillic capitals below U+0800, by table;
/// every scalar that lowercasing leaves alone (punctuation, CJK, most of the BMP) is copied.
///
/// Guarantees: when it answers, the bytes written are `String.lowercased()` of the input
/// (checked for every scalar of the BMP by the tests); it answers nil, for the caller to
/// lowercase the `String`, when some scalar needs more (a mapping to several scalars or to
/// another length, such as U+0130 or the Kelvin sign, or Greek capital sigma, whose
/// lowercase depends on its place in a word).
enum ByteLowercase {
    /// Writes the lowercase of `bytes` (valid UTF-8) to `out`, which holds at least
    /// `bytes.count` bytes; returns how many bytes it wrote and how many scalars there are.
    static func lowercase(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> (bytes: Int, scalars: Int)? {
        var i = 0, scalars = 0
        let n = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress), to = UnsafeMutableRawPointer(out)
        while i < n {
            // Eight ASCII bytes at a time, the bulk of most text (see `ByteMask.asciiLowercase`).
            if let raw, i + 8 <= n, case let v = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), ByteMask.isASCII(v) {
                to.storeBytes(of: ByteMask.asciiLowercase(v), toByteOffset: i, as: UInt64.self)
                scalars += 8
                i += 8
                continue
            }
            let b = bytes[i]
            scalars += 1
            if b < 0x80 {
                out[i] = b &- 0x41 < 26 ? b | 0x20 : b
                i += 1
            } else if b < 0xE0 {
                let lower = twoByte[Int(b & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)]
                guard lower != 0 else { return nil }
                out[i] = UInt8(0xC0 | lower >> 6)
                out[i + 1] = UInt8(0x80 | lower & 0x3F)
                i += 2
            } else {
                let (value, width) = UTF8Scalar.decode(bytes, at: i)
                let changes = width == 3 ? threeByteChanges[Int(value >> 6)] >> (value & 63) & 1 != 0
                    : Unicode.Scalar(value)?.properties.changesWhenLowercased ?? true
                guard !changes else { return nil }
                for k in i..<(i + width) { out[k] = bytes[k] }
                i += width
            }
        }
        return (n, scalars)
    }

    /// Per scalar of two bytes (U+0080...U+07FF), at its value: its lowercase when that is one
    /// scalar of two bytes (itself when it has no other), else 0.
    nonisolated(unsafe) private static let twoByte: UnsafePointer<UInt16> = {
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x800)
        for v in 0..<0x800 {
            table[v] = 0
            guard v >= 0x80, v != 0x3A3, let scalar = Unicode.Scalar(v) else { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let l = lower.first, l.value >= 0x80, l.value < 0x800 { table[v] = UInt16(l.value) }
        }
        return UnsafePointer(table)
    }()

    /// One bit per scalar of three bytes (U+0800...U+FFFF), 64 to a word: set when lowercasing changes it.
    nonisolated(unsafe) private static let threeByteChanges: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x10000 / 64)
        table.initialize(repeating: 0, count: 0x10000 / 64)
        for v in 0x800..<0x10000 {
            // (Surrogate code points are not scalars and never occur in UTF-8.)
            if let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased { table[v >> 6] |= 1 << UInt64(v & 63) }
        }
        return UnsafePointer(table)
    }()
}
