import Foundation
import Testing
import TestSupport

/// The seeds through the real binary: import, clusters and the JSONL export.
@Suite(.enabled(if: TestPaths.seedsAvailable, "needs ../shared/corpus/seeds"))
struct SeedImportTests {
    let archive: String

    init() throws {
        archive = try TestPaths.temporaryFolder().appendingPathComponent("seeds.sqlite").path
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { TestPaths.seeds.appendingPathComponent($0).path }
        let result = try IngestdProcess.run(["import", "--archive", archive] + seeds)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func exactlyOneClusterTheSochiPairAsSharedWirePassages() throws {
        let out = try IngestdProcess.run(["clusters", "list", "--members", "--json", "--archive", archive])
        let clusters = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(clusters.count == 1)
        let members = clusters.first?["members"] as? [[String: Any]] ?? []
        let names = members.flatMap { $0["urls"] as? [String] ?? [] }.map { String(URL(string: $0)!.lastPathComponent.prefix(3)) }
        #expect(Set(names) == ["001", "003"])
        #expect(members.contains { $0["relation"] as? String == "shared-wire-passages" })
        let text = try IngestdProcess.run(["clusters", "show", "\((clusters.first?["cluster"] as? [String: Any])?["id"] ?? 0)", "--archive", archive])
        #expect(text.stdout.contains("opposing camps in the civil war"))
    }

    /// The seeds as a JSONL corpus: `dedup` and `import --jsonl` find the same one cluster.
    @Test func dedupAndAJSONLImportFindOnlyTheSochiPair() throws {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("seeds.jsonl").path
        let seeds = try FileManager.default.contentsOfDirectory(atPath: TestPaths.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        let lines = try seeds.map { name in
            let text = try String(contentsOf: TestPaths.seeds.appendingPathComponent(name), encoding: .utf8)
            return String(decoding: try JSONSerialization.data(withJSONObject: ["id": String(name.prefix(3)), "text": text]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: true, encoding: .utf8)
        let deduped = try IngestdProcess.run(["dedup", corpus])
        #expect(deduped.status == 0, "\(deduped.stderr)")
        let jsonl = folder.appendingPathComponent("jsonl.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", corpus, "--archive", jsonl]).status == 0)
        let exported = try IngestdProcess.run(["clusters", "export", "--jsonl", "--archive", jsonl])
        for output in [deduped.stdout, exported.stdout] {
            let rows = try output.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
            }
            let groups = Dictionary(grouping: rows, by: { "\($0["cluster"] ?? "")" }).values.map { Set($0.map { "\($0["id"]!)" }) }
            #expect(groups.filter { $0.count > 1 } == [["001", "003"]], "\(output)")
            #expect(rows.first { "\($0["id"]!)" == "003" }?["relation"] as? String == "shared-wire-passages")
        }
        #expect(deduped.stdout.contains(#"{"id":"003","cluster":2,"relation":"shared-wire-passages","canonical":"001"}"#))
    }

    @Test func theExportHasNoBoilerplateAndEveryArticleLine() throws {
        let out = try TestPaths.temporaryFolder().appendingPathComponent("seeds.jsonl")
        let result = try IngestdProcess.run(["export", "--format", "jsonl", "--out", out.path, "--archive", archive])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        var texts: [String: String] = [:]
        for line in lines {
            let doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let sightings = doc["sightings"] as? [[String: Any]] ?? []
            #expect(doc["cluster"] != nil && sightings.first?["capture_sha256"] != nil)
            let name = URL(string: sightings.first?["url"] as? String ?? "")!.lastPathComponent
            texts[name] = doc["text"] as? String
        }
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: TestPaths.seeds.appendingPathComponent("labels.json"))) as? [String: Any]
        let boilerplate = labels?["boilerplate_lines"] as? [String: [String]] ?? [:]
        for (name, text) in texts {
            let paragraphs = Set(text.components(separatedBy: "\n\n"))
            let raw = try String(contentsOf: TestPaths.seeds.appendingPathComponent(name), encoding: .utf8)
            let noise = Set((boilerplate[name] ?? []).map(Self.normalized))
            for line in raw.split(whereSeparator: \.isNewline).map({ Self.normalized(String($0)) }) where !line.isEmpty {
                #expect(paragraphs.contains(line) != noise.contains(line), "\(name): \(line.prefix(60))")
            }
        }
    }

    /// Whitespace folded and trimmed, NFC: how the export writes a paragraph.
    static func normalized(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
