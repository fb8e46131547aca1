import ArgumentParser
import Archive

/// `ingestd clusters show ID`: one cluster's members, relations and shared passages.
struct ClustersShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a cluster's members, relations and shared passages.", discussion: """
            Example: ingestd clusters show 12

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Argument(help: "The cluster id (from `clusters list`).") var id: Int64

    func run() throws {
        try CommandFailure.reporting {
            let store: any ClusterStore = archive.isPostgres ? try archive.openPostgres() : try archive.openReadOnly()
            let view: ClusterView
            do {
                view = try store.readClusters { snapshot in try ClusterView.load(try snapshot.cluster(id), from: snapshot) }
            } catch ArchiveError.notFound(let what) {
                throw CommandFailure(.noInput, "\(ArchiveError.notFound(what)) (see `ingestd clusters list`)")
            }
            if json { try JSONOutput.print(view) } else { print(view.text()) }
        }
    }
}
