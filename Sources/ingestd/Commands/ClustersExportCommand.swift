import ArgumentParser
import Archive
import Foundation

/// `ingestd clusters export`: the clustering as `{"id", "cluster", "relation"}` lines.
struct ClustersExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every input's cluster as JSON Lines: {\"id\", \"cluster\", \"relation\"}.",
        discussion: """
            One line per sighting, in archive order. For JSONL imports, id is the id given in the \
            input (same JSON type); for other inputs it is the document id. relation is canonical, \
            syndicated, shared-wire-passages, or exact for a repeated text. The format is what \
            ../shared/dedup/score.py reads as --pred.

            Example: ingestd clusters export --out clusters.jsonl

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "JSON Lines (the default and only format).") var jsonl = false
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var out: String?

    func run() throws {
        try CommandFailure.reporting {
            let memberships: ((Membership) throws -> Void) throws -> Void
            if archive.isPostgres {
                memberships = try archive.openPostgres().forEachMembership
            } else {
                memberships = try archive.openReadOnly().forEachMembership
            }
            let sink = try ExportSink(path: out)
            do {
                try memberships { m in
                    let id = m.sourceKind == "jsonl" ? m.entryKey : String(m.documentID)
                    try sink.write(PredictionLine.data(idJSON: id, cluster: m.clusterID, relation: m.relation))
                }
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        }
    }
}
