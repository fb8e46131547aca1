@testable import ingestd
import Foundation
import Testing
import TestSupport

/// `dedup`'s line reader, through a buffer far smaller than its lines.
struct CorpusReaderTests {
    @Test func linesAcrossBufferEdgesComeBackWholeAndCanBeReadAgain() throws {
        let lines = (0..<50).map { i in String(repeating: "x\(i) ", count: i % 7 + 1) }
        var file = lines.joined(separator: "\n") + "\n\n\n" + "last line without a newline"
        file = "\n" + file
        let path = try TestPaths.temporaryFolder().appendingPathComponent("corpus.jsonl").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)

        let reader = try CorpusReader(path: path, bufferSize: 8)
        // A line's bytes are valid until the next read: each is copied before it.
        var read: [(offset: UInt64, bytes: Data)] = []
        while let line = try reader.next() { read.append((line.offset, Data(line.bytes))) }
        let texts = read.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(texts == lines + ["last line without a newline"])
        for line in read {
            #expect(reader.line(at: line.offset, length: line.bytes.count) == line.bytes)
        }
    }

    @Test func sizeCountsLinesAndBytesWithoutSplittingTheFile() throws {
        let folder = try TestPaths.temporaryFolder()
        for (name, text, lines) in [("a", "one\ntwo\n", 2), ("b", "one\ntwo", 2), ("c", "", 0), ("d", "x\n\ny\n", 3)] {
            let path = folder.appendingPathComponent("\(name).jsonl").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let size = try CorpusReader.size(of: path)
            #expect(size.lines == lines && size.bytes == text.utf8.count, "\(text.debugDescription)")
        }
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let error = #expect(throws: CommandFailure.self) { try CorpusReader(path: "/nonexistent/corpus.jsonl") }
        #expect(error?.status == .noInput)
        #expect(error?.message.hasPrefix("/nonexistent/corpus.jsonl: cannot read") == true)
    }
}
