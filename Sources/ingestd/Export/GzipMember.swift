import CZlib
import Foundation

/// One gzip member (RFC 1952: header, deflate data, CRC-32 and size), made by zlib.
///
/// Guarantees: `compress` gives a member that `gunzip` and any gzip reader decompress to the
/// bytes given; members written one after another form a valid gzip file.
enum GzipMember {
    static func compress(_ data: Data) -> Data {
        var z = z_stream()
        precondition(ingestd_deflate_init_gzip(&z, 6) == Z_OK, "deflateInit2 failed")
        defer { deflateEnd(&z) }
        var out = Data(count: Int(deflateBound(&z, uLong(data.count))) + 32)
        let written: Int = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                z.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                z.avail_in = uInt(input.count)
                z.next_out = output.bindMemory(to: Bytef.self).baseAddress
                z.avail_out = uInt(output.count)
                precondition(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate did not finish within its bound")
                return output.count - Int(z.avail_out)
            }
        }
        out.count = written
        return out
    }
}
