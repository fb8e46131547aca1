import Foundation
import Testing
import TestSupport

/// Ctrl-C on a command writing files leaves neither the files nor their `.partial` halves.
struct InterruptedExportTests {
    @Test func anInterruptedWriterRemovesItsPartialFiles() throws {
        let folder = try TestPaths.temporaryFolder().appendingPathComponent("corpus")
        let writer = try IngestdProcess.start(["bench", "corpus", "--docs", "500000", "--seed", "4", "--out", folder.path])
        let partial = folder.appendingPathComponent("corpus.jsonl.partial").path
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: partial), writer.process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: partial), "the writer had begun")
        writer.process.interrupt()
        let patience = Date().addingTimeInterval(10)
        while writer.process.isRunning, Date() < patience { Thread.sleep(forTimeInterval: 0.05) }
        if writer.process.isRunning { kill(writer.process.processIdentifier, SIGKILL) }
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal && writer.process.terminationStatus == SIGINT)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
