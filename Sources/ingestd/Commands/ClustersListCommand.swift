import ArgumentParser
import Archive

/// `ingestd clusters list`: every cluster with at least two documents.
struct ClustersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List duplicate clusters, largest first.",
        discussion: """
            Example: ingestd clusters list --since 2026-12-01 --limit 20 --members
            Example: ingestd clusters list --source https://example.org/rss.xml

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Print each cluster's members and evidence too.") var members = false
    @Option(help: "Smallest cluster size to list.") var minSize = 2
    @OptionGroup var listing: ListingOptions
    @Option(help: ArgumentHelp("Only clusters with a member seen through this feed or import source (its URL).", valueName: "url"))
    var source: String?

    func run() throws {
        try CommandFailure.reporting {
            let store: any ClusterStore = archive.isPostgres ? try archive.openPostgres() : try archive.openReadOnly()
            // One snapshot for the whole listing, so a run writing meanwhile cannot make a
            // cluster's summary and its members disagree.
            try store.readClusters { snapshot in
                // Members are read only for the clusters a --source filter reaches before --limit.
                var clusters: [ClusterSummary] = []
                for c in try snapshot.clusters(minSize: minSize) where listing.admits(c.firstSeen) {
                    guard clusters.count < listing.maximum else { break }
                    if let source, try !snapshot.clusterMembers(c.id).contains(where: { $0.sources.contains(source) }) { continue }
                    clusters.append(c)
                }
                if json {
                    if members {
                        try JSONOutput.printArray(clusters) { try ClusterView.load($0, from: snapshot) }
                    } else {
                        try JSONOutput.print(clusters)
                    }
                    return
                }
                if clusters.isEmpty { print("no clusters with \(minSize) or more documents") }
                for c in clusters {
                    if members {
                        print(try ClusterView.load(c, from: snapshot).text() + "\n")
                    } else {
                        let kinds = c.relations.joined(separator: ",")
                        print("cluster \(c.id)\t\(c.size) docs\t\(c.sources) sources\t\(kinds)\t\(TimeFormat.day(c.firstSeen))\t\(c.title ?? "(untitled)")")
                    }
                }
            }
        }
    }
}
