/// Small helpers for NUL-terminated byte strings from the parser, so that hot paths never build
/// a `String` just to compare or lowercase one.
enum RawBytes {
    /// Case-insensitive equality with an ASCII lowercase name.
    static func equal(_ raw: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        let p = name.utf8Start
        for k in 0..<n where raw[k] | 0x20 != p[k] { return false }
        return raw[n] == 0
    }

    /// Whether `raw` starts with the ASCII lowercase `prefix`, case aside.
    static func hasPrefix(_ raw: UnsafePointer<UInt8>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount, p = prefix.utf8Start
        for k in 0..<n where raw[k] == 0 || raw[k] | (raw[k] >= 0x41 && raw[k] <= 0x5A ? 0x20 : 0) != p[k] { return false }
        return true
    }

    /// Whether an ASCII lowercase `needle` occurs in `raw`, case aside.
    static func contains(_ raw: UnsafePointer<UInt8>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount, p = needle.utf8Start
        var i = 0
        while raw[i] != 0 {
            var k = 0
            while k < n, raw[i + k] != 0, raw[i + k] | (raw[i + k] >= 0x41 && raw[i + k] <= 0x5A ? 0x20 : 0) == p[k] { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }

    static func lowercased(_ raw: UnsafePointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        appendLowercased(raw, to: &out)
        return out
    }

    /// Appends the bytes with ASCII letters lowercased.
    static func appendLowercased(_ raw: UnsafePointer<UInt8>, to out: inout [UInt8]) {
        var i = 0
        while raw[i] != 0 {
            let b = raw[i]
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
    }

    static func string(_ raw: UnsafePointer<UInt8>?) -> String? { raw.map { String(cString: $0) } }
}
