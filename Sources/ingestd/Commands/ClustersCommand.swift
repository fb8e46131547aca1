import ArgumentParser

/// `ingestd clusters …`: inspect duplicate clusters.
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Inspect duplicate clusters.",
        subcommands: [ClustersListCommand.self, ClustersShowCommand.self, ClustersExplainCommand.self, ClustersExportCommand.self, ClustersReportCommand.self,
                      ClustersRebuildCommand.self])
}
