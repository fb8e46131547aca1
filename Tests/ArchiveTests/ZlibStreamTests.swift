@testable import Archive
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
}
