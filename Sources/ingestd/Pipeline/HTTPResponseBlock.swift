import CZlib
import Foundation

/// The HTTP response a WARC `response` record holds, as it came over the wire: status line,
/// headers, then the body, undone of its transfer coding (chunked) and content coding
/// (gzip, deflate), so the page reads as the server meant it.
///
/// Guarantees: nil when the block is not an HTTP response; a body that decodes to more
/// than `maxBody` bytes, or whose coding is broken, is nil (`bodyProblem` says which).
struct HTTPResponseBlock {
    var status: Int
    var headers: [[String]]
    var body: Data?
    var bodyProblem: String?
    /// The status line and headers as the block has them, through the blank line.
    var head: Data
    /// The body as the block has it, when that differs from `body` (chunked or encoded).
    var wireBody: Data?

    init?(_ block: Data, maxBody: Int) {
        guard let end = block.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: block[block.startIndex..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        self.status = status
        head = Data(block[block.startIndex..<end.upperBound])
        headers = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return [String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)]
        }
        let wire = Data(block[end.upperBound...])
        var body = wire
        func header(_ name: String) -> String? { Self.value(of: name, in: headers)?.lowercased() }
        if header("transfer-encoding")?.contains("chunked") == true {
            guard let unchunked = Self.unchunked(body, maxBody: maxBody) else {
                bodyProblem = "its chunked body is broken or over \(maxBody) bytes"
                return
            }
            body = unchunked
        }
        if let coding = header("content-encoding"), ["gzip", "x-gzip", "deflate"].contains(coding) {
            guard let inflated = Self.inflated(body, maxBody: maxBody) else {
                bodyProblem = "its \(coding) body does not decode within \(maxBody) bytes"
                return
            }
            body = inflated
        }
        guard body.count <= maxBody else {
            bodyProblem = "its body is over \(maxBody) bytes"
            return
        }
        self.body = body
        wireBody = body == wire ? nil : wire
    }

    /// The header's value, the last one given.
    func header(_ name: String) -> String? { Self.value(of: name, in: headers) }

    /// A header's value in a list of [name, value] pairs, the last one given, the name matched
    /// without regard to case.
    static func value(of name: String, in headers: [[String]]) -> String? {
        headers.last { $0.count == 2 && $0[0].lowercased() == name.lowercased() }?[1]
    }

    private static func unchunked(_ data: Data, maxBody: Int) -> Data? {
        var out = Data(), at = data.startIndex
        while true {
            guard let lineEnd = data[at...].range(of: Data("\r\n".utf8)) else { return nil }
            let sizeText = String(decoding: data[at..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else { return nil }
            at = lineEnd.upperBound
            if size == 0 { return out }
            guard data.distance(from: at, to: data.endIndex) >= size, out.count + size <= maxBody else { return nil }
            out.append(data[at..<(at + size)])
            at += size
            if data[at...].starts(with: [0x0D, 0x0A]) { at += 2 }
        }
    }

    /// gzip or zlib data inflated, or raw deflate (servers send both as "deflate").
    private static func inflated(_ data: Data, maxBody: Int) -> Data? {
        inflate(data, maxBody: maxBody, raw: false) ?? inflate(data, maxBody: maxBody, raw: true)
    }

    private static func inflate(_ data: Data, maxBody: Int, raw: Bool) -> Data? {
        var z = z_stream()
        guard (raw ? ingestd_inflate_init_raw(&z) : ingestd_inflate_init_auto(&z)) == Z_OK else { return nil }
        defer { inflateEnd(&z) }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let finished: Bool = data.withUnsafeBytes { input in
            z.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            z.avail_in = uInt(input.count)
            while true {
                let code: Int32 = chunk.withUnsafeMutableBytes { buffer in
                    z.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
                    z.avail_out = uInt(buffer.count)
                    return CZlib.inflate(&z, Z_NO_FLUSH)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - Int(z.avail_out))])
                if out.count > maxBody { return false }
                if code == Z_STREAM_END { return true }
                if code != Z_OK || (z.avail_in == 0 && z.avail_out != 0) { return false }
            }
        }
        return finished ? out : nil
    }
}
