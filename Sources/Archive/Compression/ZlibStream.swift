import CZlib
import Foundation

/// One zlib stream, compressed or inflated with an optional preset dictionary
/// (`deflateSetDictionary`): the bytes a text is likely to repeat, so that even its first
/// words can be back-references.
///
/// Guarantees: `inflate(deflate(x, d), x.count, d) == x`; inflating never produces more
/// than `expectedSize` bytes and fails, rather than guessing, when the stream is corrupt,
/// shorter than expected, or wants a dictionary it was not given.
enum ZlibStream {
    static func deflate(_ data: Data, dictionary: Data?) -> Data {
        Deflater.shared.deflate(data, dictionary: dictionary)
    }

    /// One deflate state kept for reuse (`deflateReset`): making a new one allocates and
    /// clears about 270 KB, which cost more than compressing a news text against a
    /// dictionary. A lock makes it safe to share; archive writes are serial anyway.
    private final class Deflater: @unchecked Sendable {
        static let shared = Deflater()
        private var stream = z_stream()
        private let lock = NSLock()

        private init() {
            precondition(ingestd_deflate_init(&stream, 6) == Z_OK, "deflateInit failed")
        }

        func deflate(_ data: Data, dictionary: Data?) -> Data {
            lock.lock()
            defer { lock.unlock() }
            precondition(deflateReset(&stream) == Z_OK, "deflateReset failed")
            if let dictionary, !dictionary.isEmpty {
                let rc = dictionary.withUnsafeBytes { d in
                    deflateSetDictionary(&stream, d.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(d.count))
                }
                precondition(rc == Z_OK, "deflateSetDictionary failed with \(rc)")
            }
            var out = Data(count: Int(deflateBound(&stream, uLong(data.count))) + 16)
            let produced: Int = out.withUnsafeMutableBytes { dst in
                data.withUnsafeBytes { src in
                    ZlibStream.point(&stream, from: src, to: dst)
                    let rc = CZlib.deflate(&stream, Z_FINISH)
                    precondition(rc == Z_STREAM_END, "deflate into a buffer sized by deflateBound returned \(rc)")
                    return dst.count - Int(stream.avail_out)
                }
            }
            return out.prefix(produced)
        }
    }

    static func inflate(_ stream: Data, expectedSize: Int, dictionary: Data?) throws(ArchiveError) -> Data {
        guard expectedSize >= 0, expectedSize <= 1 << 30 else { throw .corruptBlob("implausible size \(expectedSize)") }
        var z = z_stream()
        guard ingestd_inflate_init(&z) == Z_OK else { throw .corruptBlob("inflateInit failed") }
        defer { inflateEnd(&z) }
        var out = Data(count: expectedSize + 1)
        let result: (Int32, Int) = out.withUnsafeMutableBytes { dst in
            stream.withUnsafeBytes { src in
                point(&z, from: src, to: dst)
                var rc = CZlib.inflate(&z, Z_FINISH)
                if rc == Z_NEED_DICT, let dictionary {
                    rc = dictionary.withUnsafeBytes { d in
                        inflateSetDictionary(&z, d.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(d.count))
                    }
                    if rc == Z_OK { rc = CZlib.inflate(&z, Z_FINISH) }
                }
                return (rc, dst.count - Int(z.avail_out))
            }
        }
        guard result.0 == Z_STREAM_END, result.1 == expectedSize else {
            throw .corruptBlob("zlib returned \(result.0) and \(result.1) of \(expectedSize) bytes")
        }
        return out.prefix(expectedSize)
    }

    /// Sets `z` to read all of `src` and write into all of `dst`.
    private static func point(_ z: inout z_stream, from src: UnsafeRawBufferPointer, to dst: UnsafeMutableRawBufferPointer) {
        z.next_in = UnsafeMutablePointer(mutating: src.baseAddress?.assumingMemoryBound(to: Bytef.self))
        z.avail_in = uInt(src.count)
        z.next_out = dst.baseAddress!.assumingMemoryBound(to: Bytef.self)
        z.avail_out = uInt(dst.count)
    }
}
