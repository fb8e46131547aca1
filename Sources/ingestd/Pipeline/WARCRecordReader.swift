import Foundation

/// Reads a WARC file (1.0 or 1.1, already decompressed) one record at a time through a
/// buffer, so memory stays bounded however large the file.
///
/// Guarantees: records come in file order with their WARC headers (names lowercased) and
/// their block; a block over `maxBlock` bytes is skipped without being read into memory
/// (its record comes back with `block` nil); bytes that are not a record end the reading
/// with an error naming the input and the byte offset.
final class WARCRecordReader {
    struct Record {
        var headers: [String: String]
        var block: Data?
        var offset: UInt64
    }

    private let fd: Int32
    private let label: String
    private let maxBlock: Int
    /// Read bytes; those before `head` are consumed (dropped a megabyte at a time).
    private var bytes = Data()
    private var head = 0
    private var offset: UInt64 = 0
    private var atEOF = false

    /// Header lines of one record, at most.
    static let maxHeaderBytes = 1 << 16

    /// Reads `fd` from its current position; closes it when done.
    init(fd: Int32, label: String, maxBlock: Int) {
        self.fd = fd
        self.label = label
        self.maxBlock = maxBlock
    }

    deinit { close(fd) }

    /// The unconsumed bytes.
    private var buffer: Data { bytes[(bytes.startIndex + head)...] }

    func next() throws(CommandFailure) -> Record? {
        // Blank lines between records are tolerated.
        while true {
            try fill(2)
            if buffer.starts(with: [0x0D, 0x0A]) { consume(2) } else if buffer.first == 0x0A { consume(1) } else { break }
        }
        if buffer.isEmpty && atEOF { return nil }
        let start = offset
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            headerEnd = buffer.range(of: Data("\r\n\r\n".utf8))
            if headerEnd == nil {
                guard !atEOF, buffer.count < Self.maxHeaderBytes else { throw failure(at: start, "not a WARC record (no end of headers)") }
                try fill(buffer.count + 4096)
            }
        }
        let pending = buffer
        let text = String(decoding: pending[pending.startIndex..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        guard lines.first?.hasPrefix("WARC/") == true else { throw failure(at: start, "not a WARC record") }
        lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let length = headers["content-length"].flatMap({ Int($0) }), length >= 0 else {
            throw failure(at: start, "a WARC record without a Content-Length")
        }
        consume(pending.distance(from: pending.startIndex, to: headerEnd!.upperBound))
        guard length <= maxBlock else {
            try skip(length)
            return Record(headers: headers, block: nil, offset: start)
        }
        try fill(length)
        guard buffer.count >= length else { throw failure(at: start, "the file ends inside a record") }
        let block = Data(buffer.prefix(length))
        consume(length)
        return Record(headers: headers, block: block, offset: start)
    }

    private func failure(at offset: UInt64, _ reason: String) -> CommandFailure {
        CommandFailure(.dataError, "\(label): byte \(offset): \(reason)")
    }

    /// Reads until the buffer holds `count` bytes or the file ends.
    private func fill(_ count: Int) throws(CommandFailure) {
        let chunk = 1 << 20
        var scratch = [UInt8](repeating: 0, count: chunk)
        while buffer.count < count && !atEOF {
            let n = read(fd, &scratch, chunk)
            if n < 0 { throw CommandFailure(.ioError, "\(label): read failed: \(String(cString: strerror(errno)))") }
            if n == 0 { atEOF = true } else { bytes.append(contentsOf: scratch[0..<n]) }
        }
    }

    private func consume(_ count: Int) {
        head += count
        offset += UInt64(count)
        if head >= 1 << 20 {
            bytes.removeFirst(head)
            head = 0
        }
    }

    /// Passes over `count` bytes without keeping them.
    private func skip(_ count: Int) throws(CommandFailure) {
        var left = count
        while left > 0 {
            if buffer.isEmpty { try fill(min(left, 1 << 20)) }
            guard !buffer.isEmpty else { throw CommandFailure(.dataError, "\(label): the file ends inside a record") }
            let take = min(left, buffer.count)
            consume(take)
            left -= take
        }
    }
}
