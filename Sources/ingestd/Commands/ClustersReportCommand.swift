import ArgumentParser
import Archive
import Foundation

/// `ingestd clusters report --html OUT`: the clusters as one static page to open in a browser.
struct ClustersReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the clusters as one self-contained HTML page: members side by side, charts per source and day.",
        discussion: """
            The page needs no network and no script: styles and charts are inline, so it opens \
            from a file or a mail attachment. Clusters are newest first (by their earliest member's date); --since and --limit \
            (default 100) choose which, and the charts count every document since --since.

            Example: ingestd clusters report --html report.html --since 2026-12-01

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Write the page here (- for standard output).", valueName: "file")) var html: String
    @OptionGroup var listing: ListingOptions
    @Option(help: "Smallest cluster size to show.") var minSize = 2

    static let defaultLimit = 100

    func run() throws {
        try CommandFailure.reporting {
            let page = archive.isPostgres ? try report(try archive.openPostgres()) : try report(try archive.openReadOnly())
            if html == "-" { return print(page, terminator: "") }
            do { try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic) } catch {
                throw CommandFailure(.cannotCreate, "\(html): cannot write the report: \(error.localizedDescription)")
            }
            Console.note("report: \(html)")
        }
    }

    private func report(_ store: some ClusterStore & ExportSource) throws -> String {
        var filter = ExportFilter()
        filter.since = listing.start
        var counts = ClustersReport.DocumentCounts()
        for counted in try store.documentCounts(filter) { counts.add(counted) }
        let clusters = try store.readClusters { snapshot in
            // Newest story first: members (not texts or passages) are read for every cluster to order them.
            let dated = try snapshot.clusters(minSize: minSize).filter { listing.admits($0.firstSeen) }.map { c in
                (try snapshot.clusterMembers(c.id).map { $0.published ?? $0.firstSeen }.min() ?? c.firstSeen, c)
            }
            return try dated.sorted { ($0.0, $0.1.id) > ($1.0, $1.1.id) }
                .prefix(listing.limit ?? Self.defaultLimit)
                .map { try ReportCluster.load(try ClusterView.load($0.1, from: snapshot), from: snapshot) }
        }
        return ClustersReport(archive: archive.label, generated: Date(), since: listing.start, clusters: clusters, counts: counts).html()
    }
}
