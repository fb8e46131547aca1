import Dedup
import Foundation
import Normalizer
import Timestamps

/// One `ingestd dedup` pass over a corpus: each line read, cleaned as `import` cleans it,
/// and placed by a `StreamDeduplicator`; the output is written once every line is placed,
/// since a cluster's canonical is its oldest member (by `published`, else by arrival), which
/// may come last.
///
/// Guarantees: output lines follow input order; the corpus is never held in memory: a
/// document's text, and a kept line, are read again from the input when needed (about 40
/// bytes a line locate them and hold the answer).
final class DedupRun {
    private let corpus: CorpusInput
    private let normalizer: Normalizer
    private let fields: CorpusLine.Fields
    private let canonicalOnly: Bool
    private let sink: ExportSink
    private let settings: DuplicateSettings
    private(set) var lines = 0
    private(set) var failed = 0
    /// Per input line that was read: its id as JSON, its document (0 when the line has no
    /// text once cleaned), whether it repeats an earlier text exactly, and where it is.
    private var ids: [String] = []
    private var documents: [Int64] = []
    private var exact: [Bool] = []
    private var locations: [UInt64] = []
    private var lengths: [UInt32] = []
    /// Per document (0-based): the line that brought it.
    private var lineOfDocument: [Int] = []
    private var engine: StreamDeduplicator?
    private var buffer = Data()
    private let rereader = JSONObjectReader()

    /// Output bytes gathered before one write.
    static let flushBytes = 1 << 20
    /// Failing lines named per input.
    static let warningsPerInput = 20

    init(corpus: CorpusInput, settings: IngestdConfig, fields: CorpusLine.Fields, format canonicalOnly: Bool,
         sink: ExportSink) throws {
        self.corpus = corpus
        normalizer = Normalizer(settings: settings.normalizer)
        self.settings = settings.dedup
        self.fields = fields
        self.canonicalOnly = canonicalOnly
        self.sink = sink
    }

    func run() throws {
        var total = 0, bytes = 0
        for input in corpus.inputs {
            let size = try input.reader.size()
            total += size.lines
            bytes += size.bytes
        }
        let engine = StreamDeduplicator(settings: settings, expected: settings.expectedKeys(lines: total, bytes: bytes)) { [unowned self] id in reread(id) }
        self.engine = engine
        let reader = JSONObjectReader()
        let progress = ProgressBar(total: total)
        defer { progress.finish() }
        for (number, input) in corpus.inputs.enumerated() {
            var warnings = CappedWarnings(limit: Self.warningsPerInput,
                                          more: "\(input.label): more lines fail; they are counted, not shown", warn: Console.warn)
            var lineNumber = 0
            while let line = try input.reader.next() {
                lineNumber += 1
                lines += 1
                progress.advance()
                let entry: CorpusLine
                do { entry = try CorpusLine(json: line.bytes, reader: reader, fields: fields) } catch {
                    failed += 1
                    warnings.add("\(input.label):\(lineNumber): not a corpus line: \(JSONLImport.reason(error))")
                    continue
                }
                ids.append(entry.idJSON)
                locations.append(UInt64(number) << 48 | line.offset)
                lengths.append(UInt32(line.bytes.count))
                let text = clean(entry.text)
                // No text to compare once cleaned: nobody's duplicate, kept as it is.
                guard !text.isEmpty else {
                    documents.append(0)
                    exact.append(false)
                    continue
                }
                let decision = try engine.add(text, published: entry.published.flatMap(TimestampParser.parse))
                if decision.documentID > Int64(lineOfDocument.count) { lineOfDocument.append(ids.count - 1) }
                documents.append(decision.documentID)
                exact.append(decision.relation == DuplicateKind.exact.rawValue)
            }
        }
        try write(engine.index)
        try sink.finish()
    }

    func summary(seconds: Double) -> String {
        let index = engine?.index
        let clusters = lineOfDocument.indices.count { index?.relation(of: Int64($0 + 1)) == "canonical" }
        let duplicates = documents.indices.count { documents[$0] > 0 } - clusters
        return String(format: "dedup: %d lines (%d failed), %d documents in %d clusters, %d duplicates; %.2f s, %.0f lines/s, peak %d MB",
                      lines, failed, lineOfDocument.count, clusters, duplicates, seconds, Double(lines) / max(seconds, 1e-6),
                      PeakMemory.megabytes)
    }

    /// Every line's answer, in input order.
    private func write(_ index: MemoryIndex) throws {
        for line in ids.indices {
            let document = documents[line]
            if document == 0 {
                if canonicalOnly { try emit(self.line(line)) } else {
                    try emit(PredictionLine.data(idJSON: ids[line], cluster: nil, relation: "empty", canonical: nil))
                }
                continue
            }
            let cluster = index.clusters(of: [document])[0]
            let relation = exact[line] ? DuplicateKind.exact.rawValue : index.relation(of: document)
            if canonicalOnly {
                if relation == "canonical" { try emit(self.line(line)) }
            } else {
                let canonical = ids[lineOfDocument[Int(index.canonical(ofCluster: cluster) - 1)]]
                try emit(PredictionLine.data(idJSON: ids[line], cluster: cluster, relation: relation, canonical: canonical))
            }
        }
        try flush()
    }

    /// The text as `import` archives it (`CorpusLine.article`), without reading its title and language.
    private func clean(_ text: String) -> String {
        Article(paragraphs: normalizer.paragraphs(plainText: text)).text
    }

    /// A line's bytes, read again from its input, with its newline.
    private func line(_ i: Int) -> Data {
        let input = corpus.inputs[Int(locations[i] >> 48)]
        return input.reader.line(at: locations[i] & (1 << 48 - 1), length: Int(lengths[i])) + Data([0x0A])
    }

    /// A document's text, read again from its input.
    private func reread(_ id: Int64) -> String {
        let bytes = line(lineOfDocument[Int(id - 1)]).dropLast()
        return (try? CorpusLine(json: bytes, reader: rereader, fields: fields)).map { clean($0.text) } ?? ""
    }

    private func emit(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
