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
            Writing --pred is not timed, as for the peers. With --warm N the first N documents are \
            indexed before the clock starts, so that the rate is that of documents arriving at an index \
            that already holds N (how per-document cost grows with the archive).

            \(ExitStatus.help)
            """)

    @OptionGroup var config: ConfigOptions
    @Argument(help: "The JSONL corpus.") var corpus: String
    @Option(help: ArgumentHelp("Write predicted clusters here.", valueName: "file")) var pred: String?
    @Option(help: ArgumentHelp(
        "Index the first N documents before the clock starts, to time documents arriving at an index of N.",
        valueName: "N")) var warm = 0

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false).dedup
            var started = Date()
            let reader = try CorpusReader(path: corpus)
            let json = JSONObjectReader()
            var locations: [UInt64] = [], lengths: [UInt32] = []
            func text(_ bytes: some ContiguousBytes) throws -> (CorpusLine, String) {
                let entry = try CorpusLine(json: bytes, reader: json)
                return (entry, TextNormalizer.document(entry.text))
            }
            let matcher = DuplicateMatcher(settings: settings), judge = DuplicateJudge(settings: settings)
            let expected = try Self.expectedEntries(corpus, settings: settings)
            // The texts of the latest documents, where most candidates are (a story's copies
            // and rewrites arrive close together); older ones are read again from the file.
            let recent = RecentByID<String>(capacity: 1_024)
            let prepared = RecentByID<ComparableText>(capacity: 256)
            let index = InMemoryCandidateIndex(clusterLimit: settings.commonFingerprintClusters,
                                               bucketLimit: settings.bucketLimit, expected: expected) { id in
                if let text = recent[id] { return text }
                let i = Int(id - 1)
                return (try? text(reader.line(at: locations[i], length: Int(lengths[i]))))?.1 ?? ""
            }
            var ids: [String] = [], clusterOf: [Int64] = []
            while let line = try reader.next() {
                if ids.count == warm && warm > 0 { started = Date() }
                let (entry, normalized): (CorpusLine, String)
                do { (entry, normalized) = try text(line.bytes) } catch {
                    throw CommandFailure(.dataError, "\(corpus): line \(ids.count + 1): \(error)")
                }
                let analyzed = AnalyzedText(normalized, shingleWords: settings.shingleWords)
                let prints = Fingerprints(of: analyzed, settings: settings)
                index.prefetch(prints)
                let contentKey = UInt32(prints.contentHash.prefix(8), radix: 16) ?? 0
                ids.append(entry.idJSON)
                if let cluster = index.cluster(ofContent: contentKey, text: normalized) {
                    clusterOf.append(cluster)
                    continue
                }
                locations.append(line.offset)
                lengths.append(UInt32(line.bytes.count))
                let facts = TextFacts(analyzed)
                let found = try matcher.matches(analyzed, prints, facts: facts, in: index, prepared: prepared) {
                    judge.mayRelate($0, to: index.sketch(of: $1.documentID))
                }
                clusterOf.append(index.add(contentKey: contentKey, prints, sketch: FactSketch(facts),
                                           placement: matcher.placement(found.related)))
                let id = Int64(index.documentCount)
                recent[id] = normalized
                if let own = found.prepared { prepared[id] = own }
            }
            let seconds = Date().timeIntervalSince(started)
            let timed = max(ids.count - warm, 0)
            if let pred {
                let sink = try ExportSink(path: pred)
                for (id, cluster) in zip(ids, clusterOf) {
                    try sink.write(PredictionLine.data(idJSON: id, cluster: cluster))
                }
                try sink.finish()
            }
            let indexed = max(index.documentCount, 1)
            let locationBytes = locations.capacity * 8 + lengths.capacity * 4
            print(String(format: "bench: docs=%d timed_docs=%d seconds=%.3f docs_per_s=%.1f peak_rss_mb=%d index_bytes_per_doc=%.0f text_location_bytes_per_doc=%.0f",
                         ids.count, timed, seconds, Double(timed) / seconds, PeakMemory.megabytes,
                         Double(index.indexBytes) / Double(indexed), Double(locationBytes) / Double(indexed)))
        }
    }

    /// How many band keys and passage postings the corpus will bring, from its lines and
    /// bytes (part of the timed work): every document has `lshBands` keys, and winnowing
    /// keeps about 2 / (window + 1) of a text's words, at about 6.5 bytes a word with its space.
    private static func expectedEntries(_ path: String, settings: DuplicateSettings) throws -> (bandKeys: Int, postings: Int) {
        let (lines, bytes) = try CorpusReader.size(of: path)
        let words = Double(bytes) / 6.5
        return (lines * settings.lshBands, Int(words * 2 / Double(settings.winnowWindow + 1)))
    }
}
