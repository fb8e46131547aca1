import Foundation

/// The five seed articles in `../shared/corpus/seeds`, read at test time (never copied).
enum SharedSeeds {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/seeds")

    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }

    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// `boilerplate_lines` of labels.json, by file name.
    static func boilerplateLines() throws -> [String: [String]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("labels.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["boilerplate_lines"] as? [String: [String]] ?? [:]
    }
}
