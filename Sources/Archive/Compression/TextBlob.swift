import Foundation

/// How document texts are stored: a format byte, the ids of the dictionaries used, then
/// one zlib stream.
///
/// - format 1 (`ZlibCodec`): no dictionary;
/// - format 2: `[2][dictionary id, UInt32 LE][zlib]`, with a preset-only shared dictionary
///   (frequent words, trained from the archive itself) preset;
/// - format 3: `[3][dictionary id, UInt32 LE, 0 for none][base document id, Int64 LE][zlib]`,
///   with the shared dictionary followed by the base document's text preset (the last
///   32 KiB of them: zlib's window). A near-duplicate stored against its canonical costs
///   little more than what differs;
/// - format 4: `[4][dictionary id][coded size, UInt32 LE][zlib]`, the text word-coded by a
///   word dictionary (`WordCoder`) and deflated with its preset;
/// - format 5: `[5][dictionary id][base document id][coded size][zlib]`, as format 3 with
///   the text and the base both word-coded.
///
/// Guarantees: every format ever written stays readable, since the byte says how; a base
/// document is never itself stored against a base, so decoding needs at most one other
/// document; dictionaries are never changed once written.
enum TextBlob {
    static let sharedFormat: UInt8 = 2
    static let baseFormat: UInt8 = 3
    static let codedFormat: UInt8 = 4
    static let codedBaseFormat: UInt8 = 5
    static let window = ZlibStream.window

    struct References: Equatable {
        var dictionaryID: UInt32?
        var baseID: Int64?
    }

    static func encode(_ text: Data, dictionary: SharedDictionary?, base: (id: Int64, text: Data)?) -> Data {
        guard dictionary != nil || base != nil else { return ZlibCodec.compress(text) }
        let coder = dictionary?.coder
        var out = Data([coder == nil ? (base == nil ? sharedFormat : baseFormat) : (base == nil ? codedFormat : codedBaseFormat)])
        append(dictionary?.id ?? 0, to: &out)
        if let base { append(base.id, to: &out) }
        let (shared, baseText) = presetParts(dictionary, base: base?.text)
        guard let coder else { return out + ZlibStream.deflate(text, dictionary: shared, recurring: true, then: baseText) }
        let coded = coder.encode(text)
        append(UInt32(coded.count), to: &out)
        return out + ZlibStream.deflate(coded, dictionary: shared, recurring: true, then: baseText)
    }

    /// The dictionary and base document a blob needs (none for format 1).
    static func references(_ blob: Data) throws(ArchiveError) -> References {
        try header(blob).references
    }

    /// The text of a blob; `dictionary` and `base` supply what its header names.
    static func decode(_ blob: Data, size: Int, dictionary: (UInt32) throws(ArchiveError) -> SharedDictionary,
                       base: (Int64) throws(ArchiveError) -> Data) throws(ArchiveError) -> Data {
        let header = try header(blob)
        guard blob.first != ZlibCodec.plainZlib else { return try ZlibCodec.decompress(blob, expectedSize: size) }
        let shared = try header.references.dictionaryID.map(dictionary)
        let coder = shared?.coder
        guard (coder != nil) == (header.codedSize != nil) else {
            throw .corruptBlob(coder == nil ? "a word-coded text names dictionary \(shared?.id ?? 0), which has no words" : "a plain text names a word dictionary")
        }
        let preset = preset(shared, base: try header.references.baseID.map(base))
        let stream = blob.dropFirst(header.length)
        guard let coder, let codedSize = header.codedSize else { return try ZlibStream.inflate(stream, expectedSize: size, dictionary: preset) }
        // A coded text is at most 3 bytes for each of its text's (a capital mark and two code bytes for a letter).
        guard codedSize <= 4 * size + 16 else { throw .corruptBlob("implausible coded size \(codedSize) for \(size) bytes") }
        return try coder.decode(ZlibStream.inflate(stream, expectedSize: codedSize, dictionary: preset), size: size)
    }

    /// What zlib starts from: the shared dictionary's preset, then the base text (word-coded
    /// when the dictionary codes words), the last `window` bytes of them.
    private static func preset(_ dictionary: SharedDictionary?, base: Data?) -> Data {
        let (shared, base) = presetParts(dictionary, base: base)
        return base.map { (shared + $0).suffix(window) } ?? shared
    }

    /// The preset in two parts: the shared one, the same for every text, and what follows it
    /// for a text with a base (a line break, then the base text, word-coded when the
    /// dictionary codes words).
    private static func presetParts(_ dictionary: SharedDictionary?, base: Data?) -> (shared: Data, base: Data?) {
        (dictionary?.preset ?? Data(), base.map { Data([0x0A]) + (dictionary?.coder?.encode($0) ?? $0) })
    }

    private struct Header {
        var references = References()
        var codedSize: Int?
        var length = 1
    }

    private static func header(_ blob: Data) throws(ArchiveError) -> Header {
        guard let format = blob.first else { throw .corruptBlob("empty blob") }
        let bytes = [UInt8](blob.prefix(17))
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func i64(_ at: Int) -> Int64 { Int64(bitPattern: (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) }) }
        let length: Int
        switch format {
        case ZlibCodec.plainZlib: return Header()
        case sharedFormat: length = 5
        case baseFormat: length = 13
        case codedFormat: length = 9
        case codedBaseFormat: length = 17
        default: throw .corruptBlob("unknown blob format \(format)")
        }
        guard bytes.count >= length else { throw .corruptBlob("short blob header") }
        let dictionaryID = u32(1)
        var header = Header(references: References(dictionaryID: dictionaryID == 0 ? nil : dictionaryID), length: length)
        if format == baseFormat || format == codedBaseFormat { header.references.baseID = i64(5) }
        if format == codedFormat || format == codedBaseFormat {
            guard dictionaryID != 0 else { throw .corruptBlob("a word-coded text names no dictionary") }
            header.codedSize = Int(u32(length - 4))
        }
        return header
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
