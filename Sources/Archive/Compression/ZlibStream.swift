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
    /// `recurring` says that the dictionary will come again and again (the archive's shared
    /// one): a state with it already set is kept and copied for each text.
    static func deflate(_ data: Data, dictionary: Data?, recurring: Bool = false) -> Data {
        Deflater.shared.deflate(data, dictionary: dictionary, recurring: recurring)
    }

    /// One deflate state kept for reuse (`deflateReset`): making a new one allocates and
    /// clears about 270 KB, which cost more than compressing a news text against a
    /// dictionary. A second state keeps the recurring dictionary set (`deflateCopy` of it is
    /// a few copies; setting 32 KiB anew hashes every byte of it, ~70 µs a text); the
    /// output is the same either way. A lock makes it safe to share; archive writes are
    /// serial anyway. The states stay where they were made (zlib's state points back to
    /// its stream), so they are allocated, not stored properties.
    private final class Deflater: @unchecked Sendable {
        static let shared = Deflater()
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private let primed = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        /// The dictionary set in `primed`; nil until a recurring one comes.
        private var primedDictionary: Data?
        private let lock = NSLock()

        private init() {
            stream.initialize(to: z_stream())
            primed.initialize(to: z_stream())
            precondition(ingestd_deflate_init(stream, 6) == Z_OK, "deflateInit failed")
        }

        func deflate(_ data: Data, dictionary: Data?, recurring: Bool) -> Data {
            lock.lock()
            defer { lock.unlock() }
            if recurring, let dictionary, !dictionary.isEmpty {
                if primedDictionary != dictionary {
                    if primedDictionary == nil {
                        precondition(ingestd_deflate_init(primed, 6) == Z_OK, "deflateInit failed")
                    } else {
                        precondition(deflateReset(primed) == Z_OK, "deflateReset failed")
                    }
                    Self.set(dictionary, in: primed)
                    primedDictionary = dictionary
                }
                deflateEnd(stream)
                precondition(deflateCopy(stream, primed) == Z_OK, "deflateCopy failed")
            } else {
                precondition(deflateReset(stream) == Z_OK, "deflateReset failed")
                if let dictionary, !dictionary.isEmpty { Self.set(dictionary, in: stream) }
            }
            var out = Data(count: Int(deflateBound(stream, uLong(data.count))) + 16)
            let produced: Int = out.withUnsafeMutableBytes { dst in
                data.withUnsafeBytes { src in
                    ZlibStream.point(&stream.pointee, from: src, to: dst)
                    let rc = CZlib.deflate(stream, Z_FINISH)
                    precondition(rc == Z_STREAM_END, "deflate into a buffer sized by deflateBound returned \(rc)")
                    return dst.count - Int(stream.pointee.avail_out)
                }
            }
            return out.prefix(produced)
        }

        private static func set(_ dictionary: Data, in z: UnsafeMutablePointer<z_stream>) {
            let rc = dictionary.withUnsafeBytes { d in
                deflateSetDictionary(z, d.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(d.count))
            }
            precondition(rc == Z_OK, "deflateSetDictionary failed with \(rc)")
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
