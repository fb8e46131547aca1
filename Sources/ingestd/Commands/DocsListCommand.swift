import ArgumentParser
import Archive
import Foundation

/// `ingestd docs list`: archived documents, oldest first, a line each.
struct DocsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List archived documents: id, date, relation, cluster, title and first URL.",
        discussion: """
            Oldest first (archive order). Filters as `export` takes them.

            Example: ingestd docs list --since 2026-12-01 --source https://example.org/rss.xml

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only documents seen through this feed or import source (its URL).", valueName: "url")) var source: String?
    @Option(help: "Only the documents of this cluster.") var cluster: Int64?
    @Flag(help: "Print JSON.") var json = false

    /// One listed document.
    struct Line: Encodable {
        var id: Int64, cluster: Int64, relation: String, title: String?, published: Date?, firstSeen: Date, url: String?, source: String?
    }

    func run() throws {
        try CommandFailure.reporting {
            let store: any ExportSource = archive.isPostgres ? try archive.openPostgres() : try archive.openReadOnly()
            var filter = ExportFilter()
            filter.since = listing.start
            filter.source = source
            filter.cluster = cluster
            var lines: [Line] = []
            let max = listing.maximum
            do {
                try store.forEachDocument(filter, withRecords: false) { d in
                    guard lines.count < max else { throw ListFull() }
                    let first = d.sightings.first
                    lines.append(Line(id: d.id, cluster: d.cluster, relation: d.relation, title: d.title, published: d.published,
                                      firstSeen: d.firstSeen, url: first?.url, source: first?.source))
                }
            } catch is ListFull {}
            if json { return try JSONOutput.print(lines) }
            if lines.isEmpty { print("no documents match") }
            for l in lines {
                let date = TimeFormat.day(l.published ?? l.firstSeen)
                print("#\(l.id)\t\(date)\t\(l.relation)\tcluster \(l.cluster)\t\(l.title ?? "(untitled)")\t\(l.url ?? "")")
            }
        }
    }

    /// Ends the walk once `--limit` documents are listed.
    private struct ListFull: Error {}
}
