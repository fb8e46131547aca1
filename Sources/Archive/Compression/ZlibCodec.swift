import Foundation

/// zlib compression for stored blobs, with a one-byte format tag in front.
///
/// Guarantees: `decompress(compress(x)) == x`; decompression never produces more than
/// the size the caller expects (a corrupt or hostile blob is an error, not a memory blow-up);
/// the tag lets later formats (preset dictionaries, `TextBlob`, `CaptureBlob`) coexist with
/// old blobs. The zlib work itself is `ZlibStream`'s, with or without a dictionary.
public enum ZlibCodec {
    /// Blob format tags. Tag 1: the rest is one zlib stream, no preset dictionary.
    static let plainZlib: UInt8 = 1

    public static func compress(_ data: Data) -> Data {
        Data([plainZlib]) + ZlibStream.deflate(data, dictionary: nil)
    }

    public static func decompress(_ blob: Data, expectedSize: Int) throws(ArchiveError) -> Data {
        guard let tag = blob.first else { throw .corruptBlob("empty blob") }
        guard tag == plainZlib else { throw .corruptBlob("unknown blob format \(tag)") }
        return try ZlibStream.inflate(blob.dropFirst(), expectedSize: expectedSize, dictionary: nil)
    }
}
