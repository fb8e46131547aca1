import ArgumentParser
import CorpusGenerator
import Foundation

/// `ingestd bench corpus`: a synthetic news corpus with truth, for dedup benchmarks.
struct BenchCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a news corpus with duplicate truth: corpus.jsonl and truth.jsonl.",
        discussion: """
            corpus.jsonl lines are {"id", "text", "published", "cluster", "kind"}; truth.jsonl lines are \
            {"id", "cluster", "kind"}. Kinds: original, syndicated and rewrite (one cluster per wire story), \
            quote-sharing, same-event, template and singleton (clusters of their own). The same --seed \
            gives the same files.

            By default the texts are synthetic (syllable words). With --real, they are built from real \
            article bodies: the "articleBody" of every entry of the given JSON files (such as the labelled \
            pages' ground-truth.json), as originals, syndicated copies, rewrites that keep a few verbatim \
            passages and add another story's background, quote-sharing reports and templated items.

            Example: ingestd bench corpus --docs 10000 --out /tmp/corpus

            \(ExitStatus.help)
            """)

    @Option(help: "How many documents.") var docs = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Build the texts from the article bodies in this JSON file (repeatable).", valueName: "file"))
    var real: [String] = []

    func run() throws {
        try CommandFailure.reporting {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let corpus = try ExportSink(path: out + "/corpus.jsonl")
            let truth = try ExportSink(path: out + "/truth.jsonl")
            let encoder = JSONOutput.encoder(pretty: false)
            var kinds: [String: Int] = [:]
            let write = { (doc: CorpusDocument) throws in
                kinds[doc.kind, default: 0] += 1
                try corpus.write(try encoder.encode(CorpusRecord(doc)) + [0x0A])
                try truth.write(try encoder.encode(TruthRecord(id: doc.id, cluster: doc.cluster, kind: doc.kind)) + [0x0A])
            }
            if real.isEmpty {
                try CorpusGenerator(documents: docs, seed: seed).generate(write)
            } else {
                try RealTextCorpus(bodies: try real.flatMap(Self.bodies), documents: docs, seed: seed).generate(write)
            }
            try corpus.finish()
            try truth.finish()
            print("corpus: \(docs) documents in \(out): " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }

    /// The "articleBody" of every entry of a JSON object or array of objects, in key order.
    static func bodies(in file: String) throws -> [String] {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw CommandFailure(.dataError, "\(file): not readable JSON: \(error.localizedDescription)")
        }
        let entries: [Any] = (json as? [String: Any]).map { object in object.keys.sorted().map { object[$0]! } } ?? (json as? [Any]) ?? []
        let bodies = entries.compactMap { ($0 as? [String: Any])?["articleBody"] as? String }
        guard !bodies.isEmpty else { throw CommandFailure(.dataError, "\(file): no entry has an \"articleBody\"") }
        return bodies
    }

    private struct CorpusRecord: Encodable {
        var id, text, published, cluster, kind: String
        init(_ d: CorpusDocument) { (id, text, published, cluster, kind) = (d.id, d.text, d.published, d.cluster, d.kind) }
    }

    private struct TruthRecord: Encodable {
        var id, cluster, kind: String
    }
}
