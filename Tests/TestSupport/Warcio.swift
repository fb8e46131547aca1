import Foundation

/// warcio, the WARC library archivists use, from the virtual environment that
/// `scripts/test-tools.sh` makes (`make test` runs it first): `warcio check` and
/// `warcio index` on files ingestd writes, and Python with warcio to write WARC files.
public enum Warcio {
    public static let bin = TestPaths.packageRoot.appendingPathComponent(".build/test-tools/bin")

    private static func tool(_ name: String) throws -> String {
        let path = bin.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestFailure("\(path) is missing: run scripts/test-tools.sh (make test does) to install warcio")
        }
        return path
    }

    /// `warcio check -v`: every digest verified. The output names each record and any problem.
    public static func check(_ path: String) throws -> IngestdProcess.Result {
        try IngestdProcess.runTool(try tool("warcio"), ["check", "-v", path])
    }

    /// `warcio index` with these fields (e.g. `warc-type`, `warc-record-id`), one dictionary per record.
    public static func index(_ path: String, fields: [String]) throws -> [[String: String]] {
        let result = try IngestdProcess.runTool(try tool("warcio"), ["index", "-f", fields.joined(separator: ","), path])
        guard result.status == 0 else { throw TestFailure("warcio index \(path): \(result.stderr)") }
        return try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] ?? [:]
        }
    }

    /// Runs a Python script that can import warcio, with `arguments` as sys.argv[1:].
    public static func python(_ script: String, _ arguments: [String] = []) throws -> IngestdProcess.Result {
        try IngestdProcess.runTool(try tool("python"), ["-c", script] + arguments)
    }
}
