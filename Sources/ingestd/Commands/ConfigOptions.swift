import ArgumentParser
import Foundation

/// `--config FILE`, for the commands that fetch or normalize.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The YAML config file.",
        discussion: "Default: $INGESTD_CONFIG, else ingestd.yaml in $XDG_CONFIG_HOME/ingestd (~/.config/ingestd). See config/ingestd.example.yaml.",
        valueName: "file"))
    var config: String?

    private var environment: String? { ProcessInfo.processInfo.environment["INGESTD_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The file the config is read from: `--config`, else `$INGESTD_CONFIG`, else the default.
    var path: String {
        config ?? environment ?? UserFolders.config.appendingPathComponent("ingestd.yaml").path
    }

    /// The loaded config. Without `--config`, a missing default file means built-in defaults.
    func load(required: Bool) throws -> IngestdConfig {
        let path = path
        if config == nil, environment == nil, !FileManager.default.fileExists(atPath: path) {
            if required { throw CommandFailure(.config, "no config file: pass --config, set INGESTD_CONFIG, or create \(path)") }
            return IngestdConfig()
        }
        do { return try ConfigLoader.load(path: path) } catch {
            throw CommandFailure(.config, error.description)
        }
    }
}
