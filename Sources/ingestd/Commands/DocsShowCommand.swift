import ArgumentParser
import Archive
import Timestamps

/// `ingestd docs show ID`: a document's metadata, provenance and text.
struct DocsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a document's metadata, provenance and text.", discussion: """
            Example: ingestd docs show 42 --provenance

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print only the provenance chain: every sighting with its feed, entry, URLs, time, HTTP facts and capture hash.")
    var provenance = false
    @Argument(help: "The document id.") var id: Int64

    func run() throws {
        try CommandFailure.reporting {
            let document: (Int64) throws(ArchiveError) -> DocumentDetail
            if archive.isPostgres {
                document = try archive.openPostgres().document
            } else {
                document = try archive.openReadOnly().document
            }
            let doc: DocumentDetail
            do { doc = try document(id) } catch ArchiveError.notFound(let what) {
                throw CommandFailure(.noInput, ArchiveError.notFound(what).description)
            }
            if json { return try JSONOutput.print(doc) }
            if provenance { return printProvenance(doc) }
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

    private func printProvenance(_ doc: DocumentDetail) {
        print("document \(doc.id) sha256 \(doc.contentHash), text by \(doc.normalizerVersion), first seen \(TimeFormat.day(doc.firstSeen))")
        for (n, s) in doc.sightings.enumerated() {
            print("\(n + 1). \(s.sourceKind) \(s.source)")
            print("   entry      \(s.entryKey)")
            print("   requested  \(s.url)")
            print("   final      \(s.finalURL)")
            print("   fetched    \(TimestampParser.iso8601String(s.seenAt))  HTTP \(s.status)")
            print("   validators ETag \(s.etag ?? "-"), Last-Modified \(s.lastModified ?? "-")")
            print("   capture    #\(s.captureID) sha256 \(s.captureSHA256)")
        }
    }
}
