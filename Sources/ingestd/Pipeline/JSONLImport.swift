import Archive
import Foundation
import Normalizer
import Timestamps

/// Archives an existing corpus, one JSON object per line, so it can be deduplicated.
///
/// Guarantees: lines are archived in file order, which is the order "earliest" means for
/// clusters; the raw line is the capture, so provenance keeps exactly what came in; the
/// line's id is the sighting's entry key (see `CorpusLine`); a malformed line is reported
/// as FILE:LINE and skipped; importing the same file again adds nothing. Lines commit in
/// batches of `batchSize`, each batch atomic: a crash loses at most the batch in progress,
/// and a rerun completes it.
struct JSONLImport {
    static let batchSize = 500

    let store: ArchiveStore
    let normalizer: Normalizer
    let matcher: DuplicateMatcher
    let warn: (String) -> Void

    func run(paths: [String]) throws -> RunSummary {
        var summary = RunSummary()
        let decoder = JSONDecoder()
        for path in paths {
            let file = URL(fileURLWithPath: path).standardizedFileURL
            let data: Data
            do { data = try Data(contentsOf: file, options: .alwaysMapped) } catch {
                throw CommandFailure(.noInput, "\(path): cannot read: \(error.localizedDescription)")
            }
            let fileSource = try store.ensureSource(url: file.absoluteString, kind: "jsonl")
            var sources: [String: Int64] = [:]
            let lines = Array(data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated())
            for batch in stride(from: 0, to: lines.count, by: Self.batchSize).map({ lines[$0..<min($0 + Self.batchSize, lines.count)] }) {
                try store.inTransaction { session in
                    let ingestor = Ingestor(writer: session, matcher: matcher)
                    for (number, line) in batch where !line.isEmpty {
                        summary.records += 1
                        let entry: CorpusLine
                        do { entry = try decoder.decode(CorpusLine.self, from: line) } catch {
                            summary.recordsFailed += 1
                            warn("\(path):\(number + 1): not a corpus line ({\"id\", \"text\"}): \(Self.reason(error))")
                            continue
                        }
                        var sourceID = fileSource
                        if let name = entry.source {
                            sourceID = try sources[name] ?? session.ensureSource(url: "jsonl-source:\(name)", kind: "jsonl")
                            sources[name] = sourceID
                        }
                        summary.count(try archive(entry, line: Data(line), file: file, sourceID: sourceID, ingestor))
                    }
                }
            }
        }
        return summary
    }

    private func archive(_ entry: CorpusLine, line: Data, file: URL, sourceID: Int64, _ ingestor: Ingestor) throws -> IngestOutcomeKind {
        var article = normalizer.article(plainText: entry.text)
        article.title = entry.title ?? article.title
        article.published = entry.published.flatMap(TimestampParser.parse)
        let url = entry.url ?? "\(file.absoluteString)#\(entry.idJSON)"
        let capture = CaptureInput(requestedURL: url, finalURL: url, status: 200, contentType: "application/x-ndjson",
                                   etag: nil, lastModified: nil, headers: [], fetchedAt: Date(), body: line)
        return try ingestor.archive(article, sighting: Sighting(sourceID: sourceID, entryKey: entry.idJSON,
                                                              entryTitle: entry.title, url: url, capture: capture))
    }

    private static func reason(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        switch e {
        case let .keyNotFound(key, _): return "missing \"\(key.stringValue)\""
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx), let .dataCorrupted(ctx): return ctx.debugDescription
        @unknown default: return "\(e)"
        }
    }
}
