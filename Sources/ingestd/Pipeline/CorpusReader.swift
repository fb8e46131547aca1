import Foundation

/// Reads a JSONL file line by line through a fixed buffer, and reads any earlier line
/// again by its offset, so that `dedup` never holds the corpus in memory.
///
/// Guarantees: lines are returned in file order without their newline, empty lines are
/// skipped, and a final line without a newline is returned too; a line is handed out in
/// place, not copied; memory stays at the buffer size plus the longest line.
final class CorpusReader {
    /// A line's place in the file and its bytes, which stay in the reader's buffer: they are
    /// valid until the next call to `next`.
    struct Line {
        var offset: UInt64
        var bytes: UnsafeRawBufferPointer
    }

    let path: String
    private let fd: Int32
    /// Owned by the reader (not an array), so that lines can be lent out of it.
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0, end = 0
    private var fileOffset: UInt64 = 0
    private var atEOF = false

    convenience init(path: String, bufferSize: Int = 1 << 22) throws(CommandFailure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CommandFailure(.noInput, "\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        self.init(fd: fd, label: path, bufferSize: bufferSize)
    }

    /// Reads an open file from its start, and closes it when done; `label` names it in errors.
    init(fd: Int32, label: String, bufferSize: Int = 1 << 22) {
        path = label
        self.fd = fd
        buffer = .allocate(byteCount: max(bufferSize, 1), alignment: 8)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The next non-empty line, or nil at the end of the file.
    func next() throws(CommandFailure) -> Line? {
        guard let (offset, range) = try nextLine() else { return nil }
        return Line(offset: offset, bytes: UnsafeRawBufferPointer(rebasing: buffer[range]))
    }

    /// How many lines and bytes the file at `path` holds, counted in large reads without
    /// splitting it into lines (empty lines count too: an estimate for sizing tables).
    static func size(of path: String) throws(CommandFailure) -> (lines: Int, bytes: Int) {
        try CorpusReader(path: path).size()
    }

    /// As `size(of:)`, for this reader's file, which it then reads again from its start.
    func size() throws(CommandFailure) -> (lines: Int, bytes: Int) {
        // (The copy of the descriptor shares its offset: both start and end at the file's start.)
        let reader = CorpusReader(fd: dup(fd), label: path)
        lseek(fd, 0, SEEK_SET)
        defer { lseek(fd, 0, SEEK_SET) }
        var lines = 0, bytes = 0, last: UInt8 = 0x0A
        while !reader.atEOF {
            try reader.refill()
            let chunk = reader.buffer.baseAddress!
            var at = reader.start
            while at < reader.end, let p = memchr(chunk + at, 0x0A, reader.end - at) {
                lines += 1
                at = chunk.distance(to: p) + 1
            }
            if reader.end > reader.start { last = reader.buffer[reader.end - 1] }
            bytes += reader.end - reader.start
            reader.start = reader.end
        }
        return (lines + (last == 0x0A ? 0 : 1), bytes)
    }

    /// Where the next non-empty line is in the file and in the buffer (valid until the next call).
    private func nextLine() throws(CommandFailure) -> (offset: UInt64, range: Range<Int>)? {
        while true {
            if end > start, let p = memchr(buffer.baseAddress! + start, 0x0A, end - start) {
                let newline = buffer.baseAddress!.distance(to: p)
                let line = (offset: fileOffset, range: start..<newline)
                fileOffset += UInt64(newline + 1 - start)
                start = newline + 1
                if line.range.isEmpty { continue }
                return line
            }
            if atEOF {
                guard end > start else { return nil }
                let line = (offset: fileOffset, range: start..<end)
                fileOffset += UInt64(end - start)
                start = end
                return line
            }
            try refill()
        }
    }

    /// A descriptor of its own for the file, from the start (for a reader of another format).
    func descriptor() -> Int32 {
        let copy = dup(fd)
        lseek(copy, 0, SEEK_SET)
        return copy
    }

    /// The whole file, mapped into memory (through `/proc/self/fd`, so that an unlinked
    /// temporary file can be too).
    func mapped() throws(CommandFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: "/proc/self/fd/\(fd)"), options: .alwaysMapped) } catch {
            throw CommandFailure(.ioError, "\(path): cannot read it again: \(error.localizedDescription)")
        }
    }

    /// Line bytes at `offset` (as returned by `next`), read again from the file.
    func line(at offset: UInt64, length: Int) -> Data {
        var data = Data(count: length)
        let read = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(offset)) }
        return read == length ? data : Data()
    }

    /// Moves the unread tail to the front and reads more; grows the buffer for long lines.
    private func refill() throws(CommandFailure) {
        if start > 0 {
            _ = memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start)
            end -= start
            start = 0
        }
        if end == buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<end]))
            buffer.deallocate()
            buffer = larger
        }
        let n = Foundation.read(fd, buffer.baseAddress! + end, buffer.count - end)
        if n < 0 { throw CommandFailure(.ioError, "\(path): read failed: \(String(cString: strerror(errno)))") }
        if n == 0 { atEOF = true }
        end += n
    }
}
