@testable import Archive
import CZlib
import Foundation
import Testing

/// A stream made with a preset is inflated raw after its header, with its trailer's
/// checksum checked by hand: it must accept exactly what zlib's own path accepts.
struct ZlibStreamTests {
    let preset = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 31 % 97 + 32) })
    var text: Data { preset.subdata(in: 5_000..<9_000) + Data("and a tail of its own".utf8) }

    @Test func aStreamWithAPresetRoundTrips() throws {
        let stream = ZlibStream.deflate(text, dictionary: preset)
        #expect(stream[stream.startIndex + 1] & 0x20 != 0, "the header says a preset was used")
        #expect(stream.count < text.count / 4, "the preset was used: \(stream.count) bytes")
        #expect(try ZlibStream.inflate(stream, expectedSize: text.count, dictionary: preset) == text)
    }

    @Test func aDamagedStreamOrAWrongPresetIsAnError() {
        let stream = ZlibStream.deflate(text, dictionary: preset)
        var trailer = stream
        trailer[trailer.endIndex - 1] ^= 0x01
        let wrong = Data(preset.reversed())
        for (input, dictionary, what) in [(trailer, preset, "a flipped checksum bit"), (stream, wrong, "another preset"),
                                          (stream + Data([0]), preset, "a byte after the checksum"),
                                          (stream.dropLast(), preset, "a cut checksum")] {
            #expect(throws: ArchiveError.self, "\(what)") { try ZlibStream.inflate(input, expectedSize: text.count, dictionary: dictionary) }
        }
        #expect(throws: ArchiveError.self, "no preset given") { try ZlibStream.inflate(stream, expectedSize: text.count, dictionary: nil) }
    }

    /// A base set after the recurring preset gives a stream that zlib's own inflate, which
    /// checks the header's DICTID, reads with the last window of both as one preset.
    @Test func aBaseAfterTheRecurringPresetIsTheSameAsOnePreset() throws {
        let shared = Data((0..<ZlibStream.window).map { UInt8(truncatingIfNeeded: $0 * 7 % 89 + 33) })
        let base = Data("the base text, which the member repeats nearly word for word. ".utf8)
        let member = base + Data("And then a sentence the base does not have.".utf8)
        let preset = (shared + base).suffix(ZlibStream.window)
        for recurring in [true, false] {
            let stream = ZlibStream.deflate(member, dictionary: shared, recurring: recurring, then: base)
            #expect(stream.count < member.count / 2, "the base was used: \(stream.count) bytes")
            #expect(try ZlibStream.inflate(stream, expectedSize: member.count, dictionary: preset) == member)
            #expect(try Self.zlibInflate(stream, size: member.count, preset: preset) == member)
        }
        // No shared preset: the base alone.
        let alone = ZlibStream.deflate(member, dictionary: Data(), recurring: true, then: base)
        #expect(try Self.zlibInflate(alone, size: member.count, preset: base) == member)
    }

    /// zlib's inflate as anyone else would call it: it fails unless `preset` has the
    /// adler32 that the stream's header names.
    static func zlibInflate(_ stream: Data, size: Int, preset: Data) throws -> Data {
        var z = z_stream()
        #expect(inflateInit_(&z, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: size)
        var input = [UInt8](stream)
        var dictionary = [UInt8](preset)
        let rc: Int32 = input.withUnsafeMutableBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                z.next_in = src.baseAddress; z.avail_in = uInt(src.count)
                z.next_out = dst.baseAddress; z.avail_out = uInt(dst.count)
                var rc = inflate(&z, Z_FINISH)
                if rc == Z_NEED_DICT {
                    rc = inflateSetDictionary(&z, &dictionary, uInt(dictionary.count))
                    if rc == Z_OK { rc = inflate(&z, Z_FINISH) }
                }
                return rc
            }
        }
        try #require(rc == Z_STREAM_END, "zlib returned \(rc)")
        return Data(out)
    }
}
