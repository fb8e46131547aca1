import Foundation

/// Where things are when tests run: the package, the built `ingestd`, `../shared`.
public enum TestPaths {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `ingestd` binary built beside the test bundle ($INGESTD_BIN overrides).
    public static var ingestd: URL {
        if let env = ProcessInfo.processInfo.environment["INGESTD_BIN"] { return URL(fileURLWithPath: env) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ingestd")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/ingestd")
    }

    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let seeds = shared.appendingPathComponent("corpus/seeds")
    public static var seedsAvailable: Bool { FileManager.default.fileExists(atPath: seeds.path) }
    public static let demo = packageRoot.appendingPathComponent("config/demo")

    /// A new empty folder, removed by the caller (or left in /tmp for a post-mortem).
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ingestd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A test precondition that did not hold (a server that did not start, a missing binary).
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
