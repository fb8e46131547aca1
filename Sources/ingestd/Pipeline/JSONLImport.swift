import Archive
import Dedup
import Foundation
import Normalizer

/// Archives an existing corpus, one JSON object per line, so it can be deduplicated.
///
/// Guarantees: lines are archived in file order, which is the order "earliest" means for
/// clusters; the raw line is the capture, so provenance keeps exactly what came in; the
/// line's id is the sighting's entry key (see `CorpusLine`); a malformed line, or one over
/// `normalizer.max_input_bytes`, is reported as FILE:LINE (the first 20 of a file) and
/// skipped; an id repeated with another text is archived and named in a warning; importing
/// the same file again adds nothing. Lines commit in batches (see `batchSize`), each batch
/// atomic: a crash loses at most the batch in progress, and a rerun completes it. A file of ingestd's own export lines is restored as it was instead, into
/// an empty archive, all or nothing.
struct JSONLImport {
    /// A batch ends at `batchSize` lines (`defaultBatchSize` unless `import --batch-lines`
    /// says otherwise) or after `batchTime`, whichever comes first. Every
    /// commit writes each index page the batch touched to the WAL once, and a batch of a
    /// few thousand documents touches most of them, so larger batches write far less:
    /// 10,000 lines into a 100k archive wrote 2.67 GB in batches of 2,000 and 1.22 GB in
    /// batches of 6,000. The time bound keeps writers that do not take the archive's run
    /// lock (`feeds add`, OPML imports) waiting well inside their busy timeout
    /// (`ArchiveStore`, 30 s); `run` and other imports are refused by that lock at once.
    static let defaultBatchSize = 6_000
    static let batchTime = Duration.seconds(12)
    /// The writer's page cache for a bulk import, a file of at least `bulkLines` lines (see
    /// `ArchiveStore.setWriterCache`); up to this much more memory while it runs.
    static let bulkCacheMebibytes = 256
    static let bulkLines = 1_000
    /// Lines between looks for a newer shared dictionary for the preparing thread to compress with.
    static let dictionaryCheckLines = 250
    /// Documents whose comparison data is kept (`Ingestor.comparisons`) in one transaction.
    static let comparisonsKept = 256
    /// Failing lines named per file; a file of garbage says so without a line per line.
    static let warningsPerFile = 20

    let store: any CorpusStore
    let normalizer: Normalizer
    let matcher: DuplicateMatcher
    let warn: (String) -> Void
    var batchSize = Self.defaultBatchSize
    /// The members that hold each line's id and text.
    var fields = CorpusLine.Fields()
    /// Only this worker's share of each file's lines, when given.
    var shard: Shard?

    /// One corpus to archive: its bytes, the name warnings give it, and the URL its lines'
    /// provenance names.
    struct File {
        var label: String
        var source: URL
        var data: Data
    }

    func run(files: [File]) throws -> RunSummary {
        var summary = RunSummary()
        var widened = false, held = false
        for input in files {
            let path = input.label, file = input.source, data = input.data
            let lines = LineSplitter.lines(data)
            if let first = lines.first(where: { !$0.isEmpty }), first.count <= normalizer.settings.maxInputBytes,
               ExportedDocumentReader.isExportLine(Data(first)) {
                try restore(lines, path: path, &summary)
                continue
            }
            let lineCount = LineSplitter.count(data)
            let fileSource = try store.ensureSource(url: file.absoluteString, kind: "jsonl")
            if !widened, lineCount >= Self.bulkLines {
                // A bulk write: a cache that holds the pages its batches touch.
                try store.setWriterCache(mebibytes: Self.bulkCacheMebibytes)
                widened = true
            }
            // The run's own documents are looked up in memory, not in the index segments it
            // writes (the lookups of a time window start later than the first document,
            // which holding does not serve).
            if !held, matcher.settings.windowDays == 0 {
                store.holdWrittenIndexKeys(perKey: matcher.settings.bucketLimit,
                                           expected: matcher.settings.expectedKeys(lines: lineCount, bytes: data.count))
                held = true
            }
            let progress = ProgressBar(total: lineCount)
            defer { progress.finish() }
            var sources: [String: Int64] = [:]
            var failures = CappedWarnings(limit: Self.warningsPerFile,
                                          more: "\(path): more lines fail; they are counted in the summary, not shown", warn: warn)
            func failed(_ number: Int, _ reason: String) {
                summary.recordsFailed += 1
                failures.add("\(path):\(number + 1): \(reason)")
            }
            // Where each id first appeared in this file: an id given again with another text
            // is archived as another document, and said, since its export lines share the id.
            var firstLineOfID: [String: Int] = [:]
            var repeats = CappedWarnings(limit: Self.warningsPerFile, more: "\(path): more ids repeat; not shown", warn: warn)
            func archived(_ id: String, at number: Int, asNew: Bool) {
                guard let first = firstLineOfID[id] else {
                    firstLineOfID[id] = number
                    return
                }
                guard asNew else { return }  // the same text again: nothing new to tell apart
                repeats.add("\(path):\(number + 1): id \(id) was already given on line \(first + 1) with another text; "
                            + "archived as another document, so exports will show the id twice")
            }
            // Lines are decoded, normalized, analyzed and compressed on a second thread, ahead of
            // the writes, with the shared dictionary the archive had when last asked.
            let blobs = LockedValue(try store.blobPreparer())
            let preparer = LinePreparer(lines) { [normalizer, fields, shard, settings = matcher.settings, reader = JSONObjectReader()] number, line in
                // Another worker's line is as good as blank here.
                if let shard, !shard.takes(line: number) { return .blank }
                return PreparedLine(line, normalizer: normalizer, settings: settings, reader: reader, fields: fields, blobs: blobs.value)
            }
            defer { preparer.stop() }
            var pending = preparer.next()
            while pending != nil {
                try store.batch { session in
                    // (Comparison data is kept for one transaction: between two, another process
                    // may have changed a text.)
                    let ingestor = Ingestor(writer: session, matcher: matcher,
                                            comparisons: RecentByID(capacity: Self.comparisonsKept))
                    var taken = 0
                    let deadline = ContinuousClock.now + Self.batchTime
                    while let (number, line, prepared) = pending, taken < batchSize, ContinuousClock.now < deadline {
                        pending = preparer.next()
                        taken += 1
                        // (The archive trains its dictionary once it holds enough texts, likely mid-batch.)
                        if taken % Self.dictionaryCheckLines == 0 { blobs.value = try session.blobPreparer() }
                        progress.advance()
                        let entry: CorpusLine, article: Article, analysis: ArticleAnalysis, compressed: PreparedBlobs?
                        switch prepared {
                        case .blank:
                            continue
                        case let .tooLong(bytes):
                            summary.records += 1
                            failed(number, "the line is \(bytes) bytes, over normalizer.max_input_bytes "
                                   + "(\(normalizer.settings.maxInputBytes)); skipped")
                            continue
                        case let .undecodable(reason):
                            summary.records += 1
                            failed(number, "not a corpus line ({\"id\", \"text\"}): \(reason)")
                            continue
                        case let .ready(line, read, analyzed, made):
                            summary.records += 1
                            (entry, article, analysis, compressed) = (line, read, analyzed, made)
                        }
                        var sourceID = fileSource
                        if let name = entry.source {
                            sourceID = try sources[name] ?? session.ensureSource(url: "jsonl-source:\(name)", kind: "jsonl")
                            sources[name] = sourceID
                        }
                        let outcome = try archive(entry, article, analysis, compressed, line: Data(line), file: file,
                                                  sourceID: sourceID, ingestor)
                        if case .added = outcome {
                            archived(entry.idJSON, at: number, asNew: true)
                        } else if case .seenAgain = outcome {
                            archived(entry.idJSON, at: number, asNew: false)
                        }
                        summary.count(outcome)
                    }
                }
            }
        }
        return summary
    }

    /// An ingestd JSONL export, restored as it was (see `WriteSession.restore`), in one
    /// transaction: a bad line names itself and leaves the archive untouched.
    private func restore(_ lines: LineSplitter.Lines, path: String, _ summary: inout RunSummary) throws {
        let decoder = ExportedDocumentReader.decoder()
        let reader = JSONObjectReader()
        let settings = matcher.settings
        var restored = 0
        // The transaction rolls back on any throw; the reason is kept here, since the store
        // reports whatever it catches as an archive error.
        var failure: CommandFailure?
        do {
            try store.batch { session in
                guard try !session.hasDocuments() else {
                    failure = CommandFailure(.dataError, "\(path) is an ingestd export: it can only be restored into an empty "
                                             + "archive, because its document, cluster and capture ids come back as they were")
                    throw failure!
                }
                for (number, line) in lines.enumerated() where !line.isEmpty {
                    do {
                        let doc = try ExportedDocumentReader.document(line, decoder, reader)
                        let prints = Fingerprints(of: AnalyzedText(doc.text, shingleWords: settings.shingleWords), settings: settings)
                        try session.restore(doc, bandKeys: prints.bandKeys, passageHashes: prints.passages)
                    } catch {
                        failure = CommandFailure(.dataError, "\(path):\(number + 1): not restored: \(Self.reason(error))")
                        throw failure!
                    }
                    restored += 1
                }
                do { try session.finishRestore() } catch {
                    failure = CommandFailure(.dataError, "\(path): not restored: \(error)")
                    throw failure!
                }
            }
        } catch {
            throw failure ?? error
        }
        summary.records += restored
        summary.documentsAdded += restored
    }

    private func archive(_ entry: CorpusLine, _ article: Article, _ analysis: ArticleAnalysis, _ prepared: PreparedBlobs?,
                         line: Data, file: URL, sourceID: Int64, _ ingestor: Ingestor) throws -> IngestOutcomeKind {
        let url = entry.url ?? "\(file.absoluteString)#\(entry.idJSON)"
        let capture = CaptureInput(requestedURL: url, finalURL: url, status: 200, contentType: CorpusLine.contentType,
                                   etag: nil, lastModified: nil, headers: [], fetchedAt: Date(), body: line)
        return try ingestor.archive(article, sighting: Sighting(sourceID: sourceID, entryKey: entry.idJSON,
                                                              entryTitle: entry.title, url: url, capture: capture),
                                    analysis: analysis, prepared: prepared)
    }

    static func reason(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        switch e {
        case let .keyNotFound(key, _): return "missing \"\(key.stringValue)\""
        case let .typeMismatch(_, ctx), let .valueNotFound(_, ctx), let .dataCorrupted(ctx): return ctx.debugDescription
        @unknown default: return "\(e)"
        }
    }
}
