import Archive
import CZlib
import Dedup
import Foundation
import Normalizer
import Timestamps

/// Archives the pages of WARC files (plain or gzip): each `response` record whose body is
/// HTML or text runs through extraction like a fetched page, with its provenance from the
/// record (WARC-Target-URI, WARC-Date, the HTTP status and headers) and its body as
/// received (status line, headers and body still in their transfer and content coding,
/// beside the decoded body) with the `request` record that goes with it (WARC-Concurrent-To
/// either way, or the same URI next to it); `resource` records likewise. Other record types
/// and other media are counted and skipped.
///
/// Guarantees: records stream through a bounded buffer (`WARCRecordReader`), so memory does
/// not grow with the file; a record over `maxBytes` or with a broken body is named (file,
/// byte offset, URI) and skipped; the record id is the sighting's entry key, so importing
/// the same WARC again adds nothing. Records commit in batches (`JSONLImport.batchTime`,
/// `batchRecords`, `batchBytes`), each atomic: a kill loses at most the batch in progress.
struct WARCImport {
    let store: any CorpusStore
    let normalizer: Normalizer
    let matcher: DuplicateMatcher
    let maxBytes: Int
    let warn: (String) -> Void

    /// Records committed together at most.
    static let batchRecords = 2_000
    /// Record bytes committed together at most: a batch's rows and search terms stay in
    /// memory until its commit, and WARC records (whole pages, many of them) are large.
    static let batchBytes = 24 << 20
    /// The writer's page cache for a WARC import: half the archive's usual 64 MiB. A page's
    /// rows are written once and its few index keys looked up, so a larger cache holds
    /// pages that are not read again, at a cost in memory the import must keep bounded.
    static let cacheMebibytes = 32

    /// Whether the file (after gzip, when it is gzip) begins as a WARC file does.
    static func isWARC(_ path: String) -> Bool {
        guard let gz = gzopen(path, "rb") else { return false }
        defer { gzclose(gz) }
        var head = [UInt8](repeating: 0, count: 5)
        return gzread(gz, &head, 5) == 5 && head == Array("WARC/".utf8)
    }

    func run(paths: [String], into summary: inout RunSummary) throws {
        let corpus = try CorpusInput(paths: paths)
        try store.setWriterCache(mebibytes: Self.cacheMebibytes)
        for input in corpus.inputs {
            let sourceID = try store.ensureSource(url: input.source.absoluteString, kind: "warc")
            let reader = WARCRecordReader(fd: input.reader.descriptor(), label: input.label, maxBlock: maxBytes + 64 * 1024)
            var warnings = CappedWarnings(limit: 20, more: "\(input.label): more records fail; counted, not shown", warn: warn)
            var next = try reader.next()
            var lastRequest: WARCRecordReader.Record?
            while next != nil {
                try store.batch { session in
                    // (Comparison data is kept for one transaction: between two, another process may change a text.)
                    let archiver = PageArchiver(normalizer: normalizer, ingestor: Ingestor(
                        writer: session, matcher: matcher, comparisons: RecentByID(capacity: JSONLImport.comparisonsKept)))
                    let deadline = ContinuousClock.now + JSONLImport.batchTime
                    var taken = 0, bytes = 0
                    while let record = next, taken < Self.batchRecords, bytes < Self.batchBytes, ContinuousClock.now < deadline {
                        next = try reader.next()
                        taken += 1
                        bytes += record.block?.count ?? 0
                        summary.warcRecords += 1
                        if record.headers["warc-type"] == "request" { lastRequest = record }
                        do {
                            let request = [lastRequest, next].compactMap { $0 }.first { Self.pairs($0, record) }
                            guard let capture = try Self.capture(record, request: request, maxBytes: maxBytes) else {
                                summary.warcSkipped += 1
                                continue
                            }
                            let key = record.headers["warc-record-id"] ?? "\(input.label)@\(record.offset)"
                            summary.count(try archiver.archive(Sighting(sourceID: sourceID, entryKey: key, url: capture.finalURL,
                                                                        capture: capture)))
                        } catch let error as ArchiveError {
                            throw error
                        } catch {
                            summary.warcFailed += 1
                            warnings.add("\(input.label): byte \(record.offset): \(error)")
                        }
                    }
                }
            }
        }
    }

    /// Whether `request` is the request record of the response `response`.
    static func pairs(_ request: WARCRecordReader.Record, _ response: WARCRecordReader.Record) -> Bool {
        guard request.headers["warc-type"] == "request", response.headers["warc-type"] == "response" else { return false }
        if let id = response.headers["warc-record-id"], request.headers["warc-concurrent-to"] == id { return true }
        if let id = request.headers["warc-record-id"], response.headers["warc-concurrent-to"] == id { return true }
        return request.headers["warc-concurrent-to"] == nil && response.headers["warc-concurrent-to"] == nil
            && request.headers["warc-target-uri"] == response.headers["warc-target-uri"]
    }

    /// The page a record holds, or nil when it holds none (another record type, another medium).
    static func capture(_ record: WARCRecordReader.Record, request: WARCRecordReader.Record? = nil,
                        maxBytes: Int) throws -> CaptureInput? {
        let type = record.headers["warc-type"] ?? ""
        guard type == "response" || type == "resource" else { return nil }
        let uri = (record.headers["warc-target-uri"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        guard let block = record.block else {
            throw CommandFailure(.dataError, "\(uri): the record is over normalizer.max_input_bytes (\(maxBytes))")
        }
        let date = record.headers["warc-date"].flatMap(TimestampParser.parse) ?? Date()
        let status: Int, headers: [[String]], body: Data, contentType: String?
        var wire: (head: Data, body: Data?)?
        if type == "response" {
            guard record.headers["content-type"]?.lowercased().contains("application/http") != false,
                  let http = HTTPResponseBlock(block, maxBody: maxBytes) else {
                throw CommandFailure(.dataError, "\(uri): a response record without an HTTP response")
            }
            guard let decoded = http.body else { throw CommandFailure(.dataError, "\(uri): \(http.bodyProblem ?? "no body")") }
            (status, headers, body, contentType) = (http.status, http.headers, decoded, http.header("content-type"))
            wire = (http.head, http.wireBody)
        } else {
            contentType = record.headers["content-type"]
            (status, headers, body) = (200, contentType.map { [["Content-Type", $0]] } ?? [], block)
        }
        let media = (contentType ?? "").lowercased()
        guard (200..<300).contains(status), media.contains("html") || media.hasPrefix("text/") else { return nil }
        return CaptureInput(requestedURL: uri, finalURL: uri, status: status, contentType: contentType,
                            etag: HTTPResponseBlock.value(of: "etag", in: headers),
                            lastModified: HTTPResponseBlock.value(of: "last-modified", in: headers),
                            headers: headers, fetchedAt: date, body: body,
                            requestHead: wire == nil ? nil : request?.block, responseHead: wire?.head, wireBody: wire?.body)
    }
}
