import CZlib
import Foundation

/// zlib compression for stored blobs, with a one-byte format tag in front.
///
/// Guarantees: `decompress(compress(x)) == x`; decompression never produces more than
/// the size the caller expects (a corrupt or hostile blob is an error, not a memory blow-up);
/// the tag lets later formats (preset dictionaries) coexist with old blobs.
public enum ZlibCodec {
    /// Blob format tags. Tag 1: the rest is one zlib stream, no preset dictionary.
    static let plainZlib: UInt8 = 1

    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var out = Data([plainZlib])
        var bound = compressBound(uLong(data.count))
        var buffer = Data(count: Int(bound))
        let rc = buffer.withUnsafeMutableBytes { dst in
            data.withUnsafeBytes { src in
                compress2(dst.baseAddress!.assumingMemoryBound(to: Bytef.self), &bound,
                          src.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(data.count), level)
            }
        }
        precondition(rc == Z_OK, "compress2 failed with \(rc) on an in-memory buffer sized by compressBound")
        out.append(buffer.prefix(Int(bound)))
        return out
    }

    public static func decompress(_ blob: Data, expectedSize: Int) throws(ArchiveError) -> Data {
        guard let tag = blob.first else { throw .corruptBlob("empty blob") }
        guard tag == plainZlib else { throw .corruptBlob("unknown blob format \(tag)") }
        guard expectedSize >= 0, expectedSize <= 1 << 30 else { throw .corruptBlob("implausible size \(expectedSize)") }
        var size = uLongf(expectedSize)
        var out = Data(count: max(expectedSize, 1))
        let body = blob.dropFirst()
        let rc = out.withUnsafeMutableBytes { dst in
            body.withUnsafeBytes { src in
                uncompress(dst.baseAddress!.assumingMemoryBound(to: Bytef.self), &size,
                           src.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(body.count))
            }
        }
        guard rc == Z_OK, Int(size) == expectedSize else {
            throw .corruptBlob("zlib returned \(rc) and \(size) of \(expectedSize) bytes")
        }
        return out.prefix(expectedSize)
    }
}
