import Foundation
import Testing
import TestSupport

/// The generated corpus through both paths: quality against its truth, and agreement
/// between `import` and `dedup`.
struct GeneratedCorpusTests {
    @Test func bothPathsFindTheTruthAndAgree() throws {
        let folder = try TestPaths.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        #expect(try IngestdProcess.run(["bench", "corpus", "--docs", "600", "--seed", "3", "--out", folder.path]).status == 0)
        let bench = folder.appendingPathComponent("dedup.jsonl").path
        let deduped = try IngestdProcess.run(["dedup", corpus, "--out", bench])
        #expect(deduped.status == 0 && deduped.stderr.hasPrefix("dedup: 600 lines (0 failed), "), "\(deduped.stderr)")
        let archive = folder.appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", corpus, "--archive", archive]).status == 0)
        let exported = folder.appendingPathComponent("archive.jsonl").path
        #expect(try IngestdProcess.run(["clusters", "export", "--jsonl", "--out", exported, "--archive", archive]).status == 0)

        let truth = try Self.clusters(folder.appendingPathComponent("truth.jsonl").path)
        for path in [bench, exported] {
            let (precision, recall) = Self.pairScores(truth: truth, pred: try Self.clusters(path))
            #expect(precision >= 0.99 && recall >= 0.95, "\(path): precision \(precision), recall \(recall)")
        }
        #expect(Self.partition(try Self.clusters(bench)) == Self.partition(try Self.clusters(exported)))
    }

    /// id → cluster, as JSON text so 1 and "1" stay apart.
    static func clusters(_ path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            out["\(o["id"]!)"] = "\(o["cluster"]!)"
        }
        return out
    }

    static func partition(_ c: [String: String]) -> Set<Set<String>> {
        Set(Dictionary(grouping: c.keys, by: { c[$0]! }).values.map(Set.init))
    }

    static func pairScores(truth: [String: String], pred: [String: String]) -> (Double, Double) {
        func pairs(_ c: [String: String]) -> Set<[String]> {
            var out = Set<[String]>()
            for group in Dictionary(grouping: c.keys, by: { c[$0]! }).values where group.count > 1 {
                let sorted = group.sorted()
                for i in sorted.indices { for j in sorted.indices where j > i { out.insert([sorted[i], sorted[j]]) } }
            }
            return out
        }
        let t = pairs(truth), p = pairs(pred)
        let correct = Double(t.intersection(p).count)
        return (p.isEmpty ? 1 : correct / Double(p.count), t.isEmpty ? 1 : correct / Double(t.count))
    }
}
