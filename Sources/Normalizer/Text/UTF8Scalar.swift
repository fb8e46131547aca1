/// Decoding one scalar from UTF-8 bytes, for scanners that walk a string's storage.
enum UTF8Scalar {
    /// The scalar value of the multi-byte sequence starting at `i` and its width in bytes.
    /// The bytes must be valid UTF-8 (a Swift string's storage always is) and `p[i]` a
    /// leading byte of 0x80 or above.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
    }
}
