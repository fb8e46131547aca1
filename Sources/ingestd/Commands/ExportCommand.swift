import ArgumentParser
import Archive
import Foundation
import Timestamps

/// `ingestd export`: the cleaned corpus as JSONL, CSV or plain-text files, or the raw
/// captures as WARC, filtered, in stable order, resumable.
struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv, text, warc, source
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export documents (JSONL, CSV, a folder of .txt files), their raw captures (WARC 1.1) or their source lines.",
        discussion: """
            Documents go in id order, streamed, so memory stays bounded. jsonl: one document per line with \
            text, metadata, cluster, relation and every sighting, and last, for a document imported from a \
            JSONL line, that line as it came (member "record", the user's own id and fields). csv: one row per document (RFC 4180, header \
            row). text: --out is a folder; one ID.txt per document, its title, a blank line, its text. warc: per raw \
            capture a request record (the request as sent), a response record (status line, headers and body \
            as they came over the wire; a resource record for file URLs) and a metadata record naming the \
            document, cluster and relation; then the feeds' bodies kept with fetch.keep_feed_captures, those of \
            the exported documents' feeds fetched within --since/--until; to a --out ending in .gz, each record is its own gzip member. Files are written beside their target and renamed into place when \
            complete. source: the JSONL lines that brought each document, as they came (each document's \
            first line), so `--canonical-only --format source` gives back an imported corpus minus its \
            duplicates; documents that came from pages, not lines, are left out and counted. The last line \
            on stderr gives the cursor: pass it to --after to export only what came later.

            Example: ingestd export --since 2026-12-01 --canonical-only --out december.jsonl

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Output format.") var format: Format = .jsonl
    @Option(help: ArgumentHelp("Write to this file (a folder for text) instead of stdout.", valueName: "path")) var out: String?
    @Option(help: ArgumentHelp("Only documents first seen at or after this date (ISO 8601).", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only documents first seen before this date.", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("Only documents seen through this source (a feed URL, as `feeds list` shows it).", valueName: "url"))
    var source: String?
    @Option(help: ArgumentHelp("Only documents in this language (ISO 639-1).", valueName: "code")) var lang: String?
    @Option(help: ArgumentHelp("Only the documents of this cluster.", valueName: "id")) var cluster: Int64?
    @Flag(help: "One document per cluster: its canonical.") var canonicalOnly = false
    @Option(help: ArgumentHelp("Only documents after this cursor (the id an earlier export ended on).", valueName: "cursor"))
    var after: Int64?

    func run() throws {
        try CommandFailure.reporting {
            let filter = try makeFilter()
            let store: any ExportSource = archive.isPostgres ? try archive.openPostgres() : try archive.openReadOnly()
            var count = 0, last: Int64?, feeds = 0
            if format == .text {
                guard let out else { throw CommandFailure(.cannotCreate, "--format text needs --out FOLDER") }
                try exportText(store, filter, folder: out) { count += 1; last = $0 }
            } else {
                let sink = try ExportSink(path: out)
                do {
                    feeds = try exportStream(store, filter, sink) { count += 1; last = $0 }
                    try sink.finish()
                } catch {
                    sink.abandon()
                    throw error
                }
            }
            let cursor = last.map { "; continue with --after \($0)" } ?? ""
            let feedNote = feeds > 0 ? " and \(feeds) feed captures" : ""
            FileHandle.standardError.write(Data("export: \(count) \(format == .warc ? "captures" : "documents")\(feedNote)\(cursor)\n".utf8))
        }
    }

    private func makeFilter() throws -> ExportFilter {
        var f = ExportFilter()
        func date(_ raw: String?, _ name: String) throws -> Date? {
            guard let raw else { return nil }
            guard let d = TimestampParser.parse(raw) else { throw CommandFailure(.dataError, "--\(name): not a date: \(raw)") }
            return d
        }
        f.since = try date(since, "since")
        f.until = try date(until, "until")
        f.source = source
        f.language = lang
        f.cluster = cluster
        f.canonicalOnly = canonicalOnly
        f.afterID = after
        return f
    }

    /// JSONL, CSV or WARC to one sink; `done` gets each document id (WARC: per document
    /// capture). Returns how many feed captures a WARC holds besides.
    private func exportStream(_ store: any ExportSource, _ filter: ExportFilter, _ sink: ExportSink, done: (Int64) -> Void) throws -> Int {
        var feeds = 0
        switch format {
        case .jsonl:
            let encoder = JSONOutput.encoder(pretty: false)
            try store.forEachDocument(filter, withRecords: true) { doc in
                try sink.write(try JSONOutput.exportLine(doc, encoder))
                done(doc.id)
            }
        case .csv:
            try sink.write(CSVRow.line(CSVRow.header))
            try store.forEachDocument(filter, withRecords: false) { doc in
                try sink.write(CSVRow.line(CSVRow.fields(doc)))
                done(doc.id)
            }
        case .warc:
            // A .warc.gz is one gzip member per record, as WARC readers expect (they seek to a record).
            let gzip = out?.lowercased().hasSuffix(".gz") == true
            func write(_ record: Data) throws { try sink.write(gzip ? GzipMember.compress(record) : record) }
            try write(WARCRecords.warcinfo(date: Date()))
            try store.forEachCapture(filter) { capture in
                for record in WARCRecords.capture(capture) { try write(record) }
                if case let .document(id, _, _) = capture.subject { done(id) }
            }
            try store.forEachFeedCapture(filter) { capture in
                for record in WARCRecords.capture(capture) { try write(record) }
                feeds += 1
            }
        case .source:
            var pages = 0
            try store.forEachDocument(filter, withRecords: true) { doc in
                guard let line = doc.record else {
                    pages += 1
                    return
                }
                try sink.write(line.last == 0x0A ? line : line + Data([0x0A]))
                done(doc.id)
            }
            if pages > 0 { Console.warn("\(pages) documents came from pages, not corpus lines, and are left out") }
        case .text:
            break
        }
        return feeds
    }

    private func exportText(_ store: any ExportSource, _ filter: ExportFilter, folder: String, done: (Int64) -> Void) throws {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CommandFailure(.cannotCreate, "\(folder): \(error.localizedDescription)")
        }
        try store.forEachDocument(filter, withRecords: false) { doc in
            let path = (folder as NSString).appendingPathComponent("\(doc.id).txt")
            let body = (doc.title.map { $0 + "\n\n" } ?? "") + doc.text + "\n"
            do { try Data(body.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw CommandFailure(.ioError, "cannot write \(path): \(error.localizedDescription)")
            }
            done(doc.id)
        }
    }
}
