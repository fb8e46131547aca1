import CZlib
import Foundation

/// A PNG file's pixels, read far enough to tell a blank screenshot from a rendered page:
/// 8-bit RGB or RGBA, not interlaced, as Chromium writes its screenshots.
public struct PNGImage {
    public let width: Int
    public let height: Int
    /// Each pixel as 0xRRGGBB (alpha dropped).
    public let pixels: [UInt32]

    public init(contentsOf url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count > 8, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw TestFailure("\(url.path): not a PNG file")
        }
        func u32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var at = 8, width = 0, height = 0, channels = 0
        var compressed: [UInt8] = []
        while at + 12 <= bytes.count {
            let length = u32(at), type = String(decoding: bytes[at + 4..<at + 8], as: UTF8.self)
            guard at + 12 + length <= bytes.count else { throw TestFailure("\(url.path): a chunk runs past the end") }
            let data = at + 8
            switch type {
            case "IHDR":
                (width, height) = (u32(data), u32(data + 4))
                let (depth, colour, interlace) = (bytes[data + 8], bytes[data + 9], bytes[data + 12])
                guard depth == 8, colour == 2 || colour == 6, interlace == 0 else {
                    throw TestFailure("\(url.path): depth \(depth), colour type \(colour), interlace \(interlace) not read here")
                }
                channels = colour == 6 ? 4 : 3
            case "IDAT": compressed += bytes[data..<data + length]
            default: break
            }
            at += 12 + length
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var size = UInt(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { uncompress(out.baseAddress, &size, $0.baseAddress, UInt($0.count)) }
        }
        guard status == Z_OK, size == UInt(raw.count) else { throw TestFailure("\(url.path): image data does not inflate (\(status))") }
        // Undo each row's filter, in place, against the row above (already undone).
        for row in 0..<height {
            let start = row * (stride + 1) + 1, filter = raw[start - 1]
            for i in 0..<stride {
                let left = i >= channels ? Int(raw[start + i - channels]) : 0
                let up = row > 0 ? Int(raw[start + i - stride - 1]) : 0
                let corner = row > 0 && i >= channels ? Int(raw[start + i - channels - stride - 1]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let p = left + up - corner, pa = abs(p - left), pb = abs(p - up), pc = abs(p - corner)
                    predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner
                default: throw TestFailure("\(url.path): row \(row) has filter \(filter)")
                }
                raw[start + i] = UInt8(truncatingIfNeeded: Int(raw[start + i]) + predictor)
            }
        }
        self.width = width
        self.height = height
        pixels = (0..<width * height).map { p in
            let at = p / width * (stride + 1) + 1 + p % width * channels
            return UInt32(raw[at]) << 16 | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2])
        }
    }

    /// The share of pixels unlike the most common colour (the background).
    public var inkShare: Double {
        var counts: [UInt32: Int] = [:]
        for p in pixels { counts[p, default: 0] += 1 }
        return 1 - Double(counts.values.max() ?? 0) / Double(max(pixels.count, 1))
    }

    public var distinctColours: Int { Set(pixels).count }
}
