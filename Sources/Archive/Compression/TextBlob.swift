import Foundation

/// How document texts are stored: a format byte, the ids of the dictionaries used, then
/// one zlib stream.
///
/// - format 1 (`ZlibCodec`): no dictionary;
/// - format 2: `[2][dictionary id, UInt32 LE][zlib]`, with the archive's shared dictionary
///   (frequent words, trained from the archive itself) preset;
/// - format 3: `[3][dictionary id, UInt32 LE, 0 for none][base document id, Int64 LE][zlib]`,
///   with the shared dictionary followed by the base document's text preset (the last
///   32 KiB of them: zlib's window). A near-duplicate stored against its canonical costs
///   little more than what differs.
///
/// Guarantees: every format ever written stays readable, since the byte says how; a base
/// document is never itself stored in format 3, so decoding needs at most one other
/// document; dictionaries are never changed once written.
enum TextBlob {
    static let sharedFormat: UInt8 = 2
    static let baseFormat: UInt8 = 3
    static let window = 32_768

    struct References: Equatable {
        var dictionaryID: UInt32?
        var baseID: Int64?
    }

    static func encode(_ text: Data, dictionary: (id: UInt32, data: Data)?, base: (id: Int64, text: Data)?) -> Data {
        guard dictionary != nil || base != nil else { return ZlibCodec.compress(text) }
        var out = Data([base == nil ? sharedFormat : baseFormat])
        withUnsafeBytes(of: (dictionary?.id ?? 0).littleEndian) { out.append(contentsOf: $0) }
        var preset = dictionary?.data ?? Data()
        if let base {
            withUnsafeBytes(of: base.id.littleEndian) { out.append(contentsOf: $0) }
            preset = (preset + Data([0x0A]) + base.text).suffix(window)
        }
        return out + ZlibStream.deflate(text, dictionary: preset, recurring: base == nil)
    }

    /// The dictionary and base document a blob needs (none for format 1).
    static func references(_ blob: Data) throws(ArchiveError) -> References {
        guard let format = blob.first else { throw .corruptBlob("empty blob") }
        let bytes = [UInt8](blob.prefix(13))
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func i64(_ at: Int) -> Int64 { Int64(bitPattern: (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) }) }
        switch format {
        case ZlibCodec.plainZlib: return References()
        case sharedFormat:
            guard bytes.count >= 5 else { throw .corruptBlob("short blob header") }
            return References(dictionaryID: u32(1))
        case baseFormat:
            guard bytes.count >= 13 else { throw .corruptBlob("short blob header") }
            let id = u32(1)
            return References(dictionaryID: id == 0 ? nil : id, baseID: i64(5))
        default: throw .corruptBlob("unknown blob format \(format)")
        }
    }

    /// The text of a blob; `dictionary` and `base` supply what its header names.
    static func decode(_ blob: Data, size: Int, dictionary: (UInt32) throws(ArchiveError) -> Data,
                       base: (Int64) throws(ArchiveError) -> Data) throws(ArchiveError) -> Data {
        let refs = try references(blob)
        guard let format = blob.first, format != ZlibCodec.plainZlib else {
            return try ZlibCodec.decompress(blob, expectedSize: size)
        }
        var preset = try refs.dictionaryID.map(dictionary) ?? Data()
        if let baseID = refs.baseID { preset = (preset + Data([0x0A]) + (try base(baseID))).suffix(window) }
        return try ZlibStream.inflate(blob.dropFirst(format == sharedFormat ? 5 : 13), expectedSize: size, dictionary: preset)
    }
}
