import Foundation

/// A real HTTP server on a loopback address (`Tests/Servers/loopback_server.py`), 127.0.0.1
/// unless another of 127.0.0.0/8 is asked for, for as long as this value lives. It serves
/// `root`, honours conditional GETs and logs every request.
public final class LoopbackServer: @unchecked Sendable {
    public let port: Int
    public let host: String
    public let logFile: URL
    private let process: Process

    /// The server stops by itself after `lifetime` seconds, so none outlives a crashed test run.
    public init(root: URL, delaySeconds: Double = 0, host: String = "127.0.0.1", lifetime: Double = 300) throws {
        self.host = host
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/Servers/loopback_server.py")
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-server-\(UUID().uuidString).log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--root", root.path, "--log", logFile.path, "--host", host,
                             "--delay", String(delaySeconds), "--lifetime", String(lifetime)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        self.process = process
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw TestFailure("loopback server did not start: \(line)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL, not terminate(): children of test worker threads inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile)
        try? FileManager.default.removeItem(atPath: logFile.path + ".arrivals")
    }

    public func url(_ path: String) -> String { "http://\(host):\(port)/\(path)" }

    /// When each GET arrived (Unix seconds), with its Host header and path, in arrival order.
    public var arrivals: [(time: Double, host: String, path: String)] {
        ((try? String(contentsOfFile: logFile.path + ".arrivals", encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let time = Double(parts[0]) else { return nil }
            return (time, String(parts[1]), String(parts[2]))
        }
    }

    /// Request log lines, "METHOD PATH STATUS", in arrival order.
    public var requests: [String] {
        ((try? String(contentsOf: logFile, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
