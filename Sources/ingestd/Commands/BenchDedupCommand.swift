import ArgumentParser
import Foundation
import Normalizer

/// `ingestd bench dedup`: the dedup stage alone on a JSONL corpus, timed like the peers.
struct BenchDedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Time the dedup stage (normalize, tokenize, shingle, MinHash, LSH, winnow, verify, cluster) in memory.",
        discussion: """
            Reads a JSONL corpus ({"id", "text"} per line), clusters it with the archive's own matching \
            logic over in-memory indexes, writes {"id", "cluster"} lines to --pred, and prints a line \
            like ../shared/dedup/peer_bench.py's: docs/s from reading the file to clusters, and peak RSS. \
            Writing --pred is not timed, as for the peers.

            \(ExitStatus.help)
            """)

    @OptionGroup var config: ConfigOptions
    @Argument(help: "The JSONL corpus.") var corpus: String
    @Option(help: ArgumentHelp("Write predicted clusters here.", valueName: "file")) var pred: String?

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false).dedup
            let started = Date()
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: corpus), options: .alwaysMapped) } catch {
                throw CommandFailure(.noInput, "\(corpus): cannot read: \(error.localizedDescription)")
            }
            let matcher = DuplicateMatcher(settings: settings)
            let index = InMemoryCandidateIndex(bands: settings.lshBands)
            let decoder = JSONDecoder()
            var ids: [String] = [], clusterOf: [Int64] = []
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                let entry = try decoder.decode(CorpusLine.self, from: line)
                let text = TextNormalizer.paragraphs(entry.text).joined(separator: "\n\n")
                let analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
                let prints = Fingerprints(of: analyzed, settings: settings)
                ids.append(entry.idJSON)
                if let cluster = index.cluster(ofContent: prints.contentHash) {
                    clusterOf.append(cluster)
                    continue
                }
                let (_, placement) = try matcher.match(analyzed, prints, in: index)
                clusterOf.append(index.add(text, prints, placement: placement))
            }
            let seconds = Date().timeIntervalSince(started)
            if let pred {
                let sink = try ExportSink(path: pred)
                for (id, cluster) in zip(ids, clusterOf) {
                    try sink.write(PredictionLine.data(idJSON: id, cluster: cluster))
                }
                try sink.finish()
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print(String(format: "bench: docs=%d seconds=%.3f docs_per_s=%.1f peak_rss_mb=%d",
                         ids.count, seconds, Double(ids.count) / seconds, usage.ru_maxrss / 1024))
        }
    }
}
