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
    /// one): a state with it already set is kept and copied for each text. `then`, when
    /// given, follows it (a base text): the preset is then the last `window` bytes of both.
    static func deflate(_ data: Data, dictionary: Data?, recurring: Bool = false, then extra: Data? = nil) -> Data {
        // The first idle deflater; the writing thread and an import's preparing thread both
        // compress, and with one deflater each waited for the other's texts.
        for deflater in Deflater.pool where deflater.lock.try() {
            defer { deflater.lock.unlock() }
            return deflater.deflate(data, dictionary: dictionary, recurring: recurring, then: extra)
        }
        let deflater = Deflater.pool[0]
        return deflater.lock.withLock { deflater.deflate(data, dictionary: dictionary, recurring: recurring, then: extra) }
    }

    /// zlib's window: a preset dictionary's last 32 KiB are all that count.
    static let window = 32_768

    /// One deflate state kept for reuse (`deflateReset`): making a new one allocates and
    /// clears about 270 KB, which cost more than compressing a news text against a
    /// dictionary. A second state keeps the recurring dictionary set (`deflateCopy` of it is
    /// a few copies; setting 32 KiB anew hashes every byte of it, ~70 µs a text); the
    /// output is the same either way, and the same whichever deflater of the pool makes it.
    /// Its lock is held by the caller for the whole `deflate`. The states stay where they
    /// were made (zlib's state points back to its stream), so they are allocated, not
    /// stored properties.
    private final class Deflater: @unchecked Sendable {
        /// One per thread that compresses at once (an import has two).
        static let pool = [Deflater(), Deflater()]
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private let primed = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        /// The dictionary set in `primed`; nil until a recurring one comes.
        private var primedDictionary: Data?
        let lock = NSLock()

        private init() {
            stream.initialize(to: z_stream())
            primed.initialize(to: z_stream())
            precondition(ingestd_deflate_init(stream, 6) == Z_OK, "deflateInit failed")
        }

        /// Call with `lock` held.
        func deflate(_ data: Data, dictionary: Data?, recurring: Bool, then extra: Data?) -> Data {
            let extra = extra?.isEmpty == false ? extra : nil
            if recurring, let dictionary, !dictionary.isEmpty, (extra?.count ?? 0) < ZlibStream.window {
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
                if let extra { append(extra, to: dictionary) }
            } else {
                precondition(deflateReset(stream) == Z_OK, "deflateReset failed")
                let preset = (dictionary ?? Data()) + (extra ?? Data())
                if !preset.isEmpty { Self.set(preset.suffix(ZlibStream.window), in: stream) }
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

        /// Sets `extra` after the dictionary already set in `stream`, hashing only its own
        /// bytes (a base text after the shared preset, so the 32 KiB preset is not hashed
        /// again for every text). zlib then keeps more than a window of history,
        /// but never matches further back than a window, so the stream inflates with the
        /// preset the other way gives; its header's DICTID is made to name that preset.
        private func append(_ extra: Data, to dictionary: Data) {
            Self.set(extra, in: stream)
            let sum = { (bytes: Data, start: uLong) in
                bytes.withUnsafeBytes { adler32(start, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) }
            }
            stream.pointee.adler = sum(extra, sum(dictionary.suffix(ZlibStream.window - extra.count), adler32(0, nil, 0)))
        }

        private static func set(_ dictionary: Data, in z: UnsafeMutablePointer<z_stream>) {
            let rc = dictionary.withUnsafeBytes { d in
                deflateSetDictionary(z, d.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(d.count))
            }
            precondition(rc == Z_OK, "deflateSetDictionary failed with \(rc)")
        }
    }

    /// A stream made with a preset dictionary names it by the preset's adler32 (DICTID), and
    /// zlib checks that by hashing the whole preset, 32 KiB for every text read. The blob's own header already names the preset, so such
    /// a stream's deflate data is inflated raw with the preset set up front, and the
    /// trailer's adler32 of the output is checked instead, which a wrong preset fails too.
    static func inflate(_ stream: Data, expectedSize: Int, dictionary: Data?) throws(ArchiveError) -> Data {
        guard expectedSize >= 0, expectedSize <= 1 << 30 else { throw .corruptBlob("implausible size \(expectedSize)") }
        let raw = dictionary?.isEmpty == false ? presetBody(stream) : nil
        var z = z_stream()
        guard (raw == nil ? ingestd_inflate_init(&z) : ingestd_inflate_init_raw(&z)) == Z_OK else { throw .corruptBlob("inflateInit failed") }
        defer { inflateEnd(&z) }
        let input = raw ?? stream
        var out = Data(count: expectedSize + 1)
        let result: (rc: Int32, produced: Int, left: Int) = out.withUnsafeMutableBytes { dst in
            input.withUnsafeBytes { src in
                point(&z, from: src, to: dst)
                var rc = raw == nil ? CZlib.inflate(&z, Z_FINISH) : Z_NEED_DICT
                if rc == Z_NEED_DICT, let dictionary {
                    rc = dictionary.withUnsafeBytes { d in
                        inflateSetDictionary(&z, d.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(d.count))
                    }
                    if rc == Z_OK { rc = CZlib.inflate(&z, Z_FINISH) }
                }
                return (rc, dst.count - Int(z.avail_out), Int(z.avail_in))
            }
        }
        guard result.rc == Z_STREAM_END, result.produced == expectedSize else {
            throw .corruptBlob("zlib returned \(result.rc) and \(result.produced) of \(expectedSize) bytes")
        }
        let text = out.prefix(expectedSize)
        if let raw {
            guard result.left == 4 else { throw .corruptBlob("zlib stream ends with \(result.left) bytes, not its 4-byte checksum") }
            let trailer = raw.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let sum = text.withUnsafeBytes { adler32(adler32(0, nil, 0), $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count)) }
            guard UInt32(sum) == trailer else { throw .corruptBlob("zlib checksum does not match the inflated text") }
        }
        return text
    }

    /// The deflate data and trailer of a zlib stream whose header says it was made with a
    /// preset dictionary (FDICT, then the 4-byte DICTID); nil for any other stream.
    private static func presetBody(_ stream: Data) -> Data? {
        guard stream.count >= 6 else { return nil }
        let cmf = stream[stream.startIndex], flg = stream[stream.startIndex + 1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0, flg & 0x20 != 0 else { return nil }
        return stream.dropFirst(6)
    }

    /// Sets `z` to read all of `src` and write into all of `dst`.
    private static func point(_ z: inout z_stream, from src: UnsafeRawBufferPointer, to dst: UnsafeMutableRawBufferPointer) {
        z.next_in = UnsafeMutablePointer(mutating: src.baseAddress?.assumingMemoryBound(to: Bytef.self))
        z.avail_in = uInt(src.count)
        z.next_out = dst.baseAddress!.assumingMemoryBound(to: Bytef.self)
        z.avail_out = uInt(dst.count)
    }
}
