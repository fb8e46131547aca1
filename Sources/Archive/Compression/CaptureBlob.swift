import Foundation

/// How raw captures are stored: format 1 (`ZlibCodec`, no dictionary), or formats 4 and 5,
/// `[format][document id, Int64 LE][zlib]`, compressed with the text extracted from the
/// capture (its last 32 KiB) as zlib's preset dictionary: a page's or a corpus line's
/// sentences are then back-references, and the capture costs about its markup alone.
/// Format 4 primes zlib with the text as it is; format 5, for JSON bodies, with the text
/// as a JSON string writes it (`JSONEscaping`), since there every line break and quote
/// is escaped and would cut the text's back-references short.
///
/// Guarantees: every format stays readable; the document named in the header must keep
/// its text unchanged for as long as the capture points at it (the archive detaches
/// captures before a text changes or a document goes).
enum CaptureBlob {
    static let textFormat: UInt8 = 4
    static let jsonTextFormat: UInt8 = 5

    /// `isJSON` says the body is JSON (a JSONL line, a JSON feed), whose strings escape the
    /// text. `stream`, when given, is `stream(body, text: base.text, isJSON:)` made earlier.
    static func encode(_ body: Data, base: (id: Int64, text: Data)?, isJSON: Bool, stream: Data? = nil) -> Data {
        guard let base, !base.text.isEmpty else { return ZlibCodec.compress(body) }
        var out = Data([isJSON ? jsonTextFormat : textFormat])
        withUnsafeBytes(of: base.id.littleEndian) { out.append(contentsOf: $0) }
        return out + (stream ?? Self.stream(body, text: base.text, isJSON: isJSON)!)
    }

    /// The zlib stream of a blob compressed against `text`, without the header naming the
    /// document; nil when the text is empty (such a capture is stored as format 1).
    static func stream(_ body: Data, text: Data, isJSON: Bool) -> Data? {
        guard !text.isEmpty else { return nil }
        return ZlibStream.deflate(body, dictionary: dictionary(isJSON ? jsonTextFormat : textFormat, text))
    }

    /// Whether a body of this content type is compressed as JSON.
    static func isJSON(_ contentType: String?) -> Bool {
        contentType?.contains("json") == true
    }

    /// The document whose text a blob needs, if any.
    static func baseID(_ blob: Data) throws(ArchiveError) -> Int64? {
        guard let format = blob.first else { throw .corruptBlob("empty blob") }
        guard format == textFormat || format == jsonTextFormat else { return nil }
        guard blob.count >= 9 else { throw .corruptBlob("short capture header") }
        let bytes = [UInt8](blob.dropFirst().prefix(8))
        return Int64(bitPattern: (0..<8).reduce(0) { $0 | UInt64(bytes[$1]) << (8 * $1) })
    }

    static func decode(_ blob: Data, size: Int, text: (Int64) throws(ArchiveError) -> Data) throws(ArchiveError) -> Data {
        guard let id = try baseID(blob) else { return try ZlibCodec.decompress(blob, expectedSize: size) }
        return try ZlibStream.inflate(blob.dropFirst(9), expectedSize: size, dictionary: dictionary(blob[blob.startIndex], try text(id)))
    }

    private static func dictionary(_ format: UInt8, _ text: Data) -> Data {
        (format == jsonTextFormat ? JSONEscaping.escaped(text) : text).suffix(TextBlob.window)
    }
}
