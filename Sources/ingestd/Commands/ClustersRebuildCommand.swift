import ArgumentParser
import Archive
import Dedup
import Foundation

/// `ingestd clusters rebuild`: recompute relations and clusters with the current settings.
struct ClustersRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Recompute every relation and cluster with the current dedup settings.",
        discussion: """
            Replays the archive in the order it was filled, re-fingerprinting each stored text, so a \
            change to any dedup setting (thresholds, shingle size, bands) takes effect on everything \
            archived. The archive then records the settings its index keys were made with, which `run` \
            and `import` require from then on. One transaction: readers see the old clusters until the new ones are complete. \
            Holds the archive lock like `run` (on PostgreSQL, the write lock workers take).

            Example: ingestd clusters rebuild --config ingestd.yaml

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false)
            // On PostgreSQL the rebuild's transaction holds the write lock instead of a lock file.
            let lock = archive.isPostgres ? nil : try archive.lock()
            let store: any ClusterRebuilder & ClusterStore = archive.isPostgres ? try archive.openPostgres() : try archive.openExisting()
            let started = Date()
            let matcher = DuplicateMatcher(settings: settings.dedup)
            // One search for the whole replay: it sees the archive grow in id order, as it was filled.
            let search = CandidateSearch(settings: settings.dedup, replaying: true)
            let clusters = try store.rebuildClusters(indexScheme: settings.dedup.indexScheme) { index, id, text in
                try matcher.rebuildDecision(text: text, of: id, in: index, search: search)
            }
            withExtendedLifetime(lock) {}
            let multi = try store.readClusters { try $0.clusters(minSize: 2).count }
            print(String(format: "rebuild: %d clusters, %d with 2 or more documents, in %.1f s",
                         clusters, multi, Date().timeIntervalSince(started)))
        }
    }
}
