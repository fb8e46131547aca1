import Dedup
import Foundation
import Normalizer

/// One `ingestd dedup` pass over a corpus: each line read, cleaned as `import` cleans it,
/// placed by a `StreamDeduplicator`, and its output line written at once.
///
/// Guarantees: output lines follow input order; a line's cluster, relation and canonical
/// never change after it is written (the canonical is the cluster's earliest line); the
/// corpus is never held in memory: a document's text is read again from its input when a
/// later line needs it (12 bytes a document locate it).
final class DedupRun {
    private let corpus: CorpusInput
    private let normalizer: Normalizer
    private let fields: CorpusLine.Fields
    private let canonicalOnly: Bool
    private let sink: ExportSink
    private let settings: DuplicateSettings
    private(set) var lines = 0
    private(set) var failed = 0
    private var duplicates = 0
    /// Per document (0-based): its input in the top 16 bits and its line's offset below, and the line's length.
    private var locations: [UInt64] = []
    private var lengths: [UInt32] = []
    /// Per document: the id of the line that brought it, as JSON.
    private var idOfDocument: [String] = []
    private var clusters = 0
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
        // Every document has `lshBands` band keys; winnowing keeps about 2 / (window + 1) of
        // a text's words, at about 6.5 bytes a word with its space.
        let expected = (total * settings.lshBands, Int(Double(bytes) / 6.5 * 2 / Double(settings.winnowWindow + 1)))
        let engine = StreamDeduplicator(settings: settings, expected: expected) { [unowned self] id in reread(id) }
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
                let text = clean(entry.text)
                guard !text.isEmpty else {
                    // No text to compare once cleaned: nobody's duplicate, kept as it is.
                    try emit(line.bytes, id: entry.idJSON, cluster: nil, relation: "empty", canonical: nil)
                    continue
                }
                let decision = try engine.add(text)
                if decision.documentID > Int64(idOfDocument.count) {
                    idOfDocument.append(entry.idJSON)
                    locations.append(UInt64(number) << 48 | line.offset)
                    lengths.append(UInt32(line.bytes.count))
                }
                if decision.relation == "canonical" { clusters += 1 } else { duplicates += 1 }
                try emit(line.bytes, id: entry.idJSON, cluster: decision.clusterID, relation: decision.relation,
                         canonical: idOfDocument[Int(decision.clusterID - 1)])
            }
        }
        try flush()
        try sink.finish()
    }

    func summary(seconds: Double) -> String {
        String(format: "dedup: %d lines (%d failed), %d documents in %d clusters, %d duplicates; %.2f s, %.0f lines/s, peak %d MB",
               lines, failed, idOfDocument.count, clusters, duplicates, seconds, Double(lines) / max(seconds, 1e-6),
               PeakMemory.megabytes)
    }

    /// The text as `import` archives it (`CorpusLine.article`), without its title and language.
    private func clean(_ text: String) -> String {
        normalizer.paragraphs(plainText: text).joined(separator: "\n\n")
    }

    /// A document's text, read again from its input.
    private func reread(_ id: Int64) -> String {
        let i = Int(id - 1)
        let input = corpus.inputs[Int(locations[i] >> 48)]
        let bytes = input.reader.line(at: locations[i] & (1 << 48 - 1), length: Int(lengths[i]))
        return (try? CorpusLine(json: bytes, reader: rereader, fields: fields)).map { clean($0.text) } ?? ""
    }

    private func emit(_ line: UnsafeRawBufferPointer, id: String, cluster: Int64?, relation: String, canonical: String?) throws {
        if canonicalOnly {
            guard relation == "canonical" || relation == "empty" else { return }
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        } else {
            buffer.append(PredictionLine.data(idJSON: id, cluster: cluster, relation: relation, canonical: canonical))
        }
        if buffer.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
