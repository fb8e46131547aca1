import ArgumentParser

/// `ingestd bench …`: material and measurements for benchmarks.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark material and measurements.", subcommands: [BenchCorpusCommand.self, BenchFetchCommand.self])
}
