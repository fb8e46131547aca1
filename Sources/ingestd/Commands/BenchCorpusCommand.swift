import ArgumentParser
import CorpusGenerator
import Foundation

/// `ingestd bench corpus`: a synthetic news corpus with truth, for dedup benchmarks.
struct BenchCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a synthetic news corpus with duplicate truth: corpus.jsonl and truth.jsonl.",
        discussion: """
            corpus.jsonl lines are {"id", "text", "published", "cluster", "kind"}; truth.jsonl lines are \
            {"id", "cluster", "kind"}. Kinds: original, syndicated and rewrite (one cluster per wire story), \
            quote-sharing, same-event, template and singleton (clusters of their own). The same --seed \
            gives the same files.

            \(ExitStatus.help)
            """)

    @Option(help: "How many documents.") var docs = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir")) var out: String

    func run() throws {
        try CommandFailure.reporting {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let corpus = try ExportSink(path: out + "/corpus.jsonl")
            let truth = try ExportSink(path: out + "/truth.jsonl")
            let encoder = JSONOutput.encoder(pretty: false)
            var kinds: [String: Int] = [:]
            try CorpusGenerator(documents: docs, seed: seed).generate { doc in
                kinds[doc.kind, default: 0] += 1
                try corpus.write(try encoder.encode(CorpusRecord(doc)) + [0x0A])
                try truth.write(try encoder.encode(TruthRecord(id: doc.id, cluster: doc.cluster, kind: doc.kind)) + [0x0A])
            }
            try corpus.finish()
            try truth.finish()
            print("corpus: \(docs) documents in \(out): " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }

    private struct CorpusRecord: Encodable {
        var id, text, published, cluster, kind: String
        init(_ d: CorpusDocument) { (id, text, published, cluster, kind) = (d.id, d.text, d.published, d.cluster, d.kind) }
    }

    private struct TruthRecord: Encodable {
        var id, cluster, kind: String
    }
}
