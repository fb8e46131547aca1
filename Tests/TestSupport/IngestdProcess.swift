import Foundation

/// Runs the real `ingestd` binary as a subprocess and collects what it printed.
public struct IngestdProcess {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `ingestd ARGS` to completion, in `folder` when given.
    @discardableResult
    /// `environment`: variables set over the test's own (an empty value unsets one).
    public static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, in: folder, environment: environment)
        let out = process.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        let err = process.standardErrorPipe.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs another program (a wrapper that measures `ingestd`, say) to completion.
    public static func runTool(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = try start(arguments, executable: URL(fileURLWithPath: executable))
        let out = process.standardOutputPipe.fileHandleForReading.readDataToEndOfFile()
        let err = process.standardErrorPipe.fileHandleForReading.readDataToEndOfFile()
        process.process.waitUntilExit()
        return Result(status: process.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `ingestd ARGS` and returns at once (for kill and concurrency tests).
    public static func start(_ arguments: [String], in folder: URL? = nil, executable: URL = TestPaths.ingestd,
                             environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Messages read as people read them unless a test asks for a log format.
        var merged = ProcessInfo.processInfo.environment
        merged["INGESTD_LOG_FORMAT"] = merged["INGESTD_LOG_FORMAT"] ?? "human"
        for (name, value) in environment { merged[name] = value.isEmpty ? nil : value }
        process.environment = merged
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, standardOutputPipe: out, standardErrorPipe: err)
    }

    /// A started process and its output pipes.
    public struct Running {
        public let process: Process
        public let standardOutputPipe: Pipe
        public let standardErrorPipe: Pipe
    }
}
