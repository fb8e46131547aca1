import ArgumentParser
import Foundation

/// `--config FILE`, for the commands that fetch or normalize.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The YAML config file.",
        discussion: "Default: $INGESTD_CONFIG, else ~/.config/ingestd/ingestd.yaml. See config/ingestd.example.yaml.",
        valueName: "file"))
    var config: String?

    /// The loaded config. Without `--config`, a missing default file means built-in defaults.
    func load(required: Bool) throws -> IngestdConfig {
        let env = ProcessInfo.processInfo.environment["INGESTD_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let path = config ?? env ?? FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".config/ingestd/ingestd.yaml").path
        if config == nil, env == nil, !FileManager.default.fileExists(atPath: path) {
            if required { throw CommandFailure(.config, "no config file: pass --config, set INGESTD_CONFIG, or create \(path)") }
            return IngestdConfig()
        }
        do { return try ConfigLoader.load(path: path) } catch {
            throw CommandFailure(.config, error.description)
        }
    }
}
