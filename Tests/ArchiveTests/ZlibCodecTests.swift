import Archive
import Foundation
import Testing

struct ZlibCodecTests {
    @Test(arguments: [0, 1, 100, 100_000])
    func roundTrip(size: Int) throws {
        let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 * 7 % 251) })
        let blob = ZlibCodec.compress(data)
        #expect(blob.first == 1, "format tag")
        #expect(try ZlibCodec.decompress(blob, expectedSize: size) == data)
    }

    @Test func theExpectedSizeBoundsDecompression() {
        let blob = ZlibCodec.compress(Data(repeating: 0, count: 1_000_000))
        #expect(throws: ArchiveError.self) { try ZlibCodec.decompress(blob, expectedSize: 1_000) }
        #expect(throws: ArchiveError.self) { try ZlibCodec.decompress(Data([9, 1, 2]), expectedSize: 3) }
        #expect(throws: ArchiveError.self) { try ZlibCodec.decompress(Data(), expectedSize: 0) }
    }
}
