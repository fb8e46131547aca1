import ArgumentParser
import Archive
import Timestamps

/// `ingestd docs show ID`: a document's metadata, provenance and text.
struct DocsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a document's metadata, provenance and text.", discussion: ExitStatus.help)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The document id.") var id: Int64

    func run() throws {
        try CommandFailure.reporting {
            let store = try archive.openExisting()
            let doc: DocumentDetail
            do { doc = try store.document(id) } catch ArchiveError.notFound(let what) {
                throw CommandFailure(.noInput, what)
            }
            if json { return try JSONOutput.print(doc) }
            print("document \(doc.id): \(doc.title ?? "(untitled)")")
            print("cluster \(doc.cluster) (\(doc.relation)), \(doc.wordCount) words, first seen \(TimeFormat.day(doc.firstSeen))")
            if let p = doc.published { print("published \(TimestampParser.iso8601String(p))") }
            for field in [("site", doc.siteName), ("language", doc.language), ("canonical URL", doc.canonicalURL)] {
                if let value = field.1 { print("\(field.0): \(value)") }
            }
            print("sha256 \(doc.contentHash)")
            print("seen \(doc.sightings.count) times:")
            for s in doc.sightings {
                let validators = [s.etag.map { "ETag \($0)" }, s.lastModified.map { "Last-Modified \($0)" }].compactMap { $0 }
                print("  \(TimeFormat.day(s.seenAt))  \(s.sourceKind) \(s.source)  entry \(s.entryKey)")
                print("    \(s.url) → \(s.finalURL)  HTTP \(s.status)  capture #\(s.captureID) \(validators.joined(separator: ", "))")
            }
            print("")
            print(doc.text)
        }
    }
}
