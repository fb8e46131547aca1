import ArgumentParser
import Foundation
import Normalizer

/// `ingestd import PATH...`: archive local HTML and text files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Archive local .html, .htm and .txt files, or every such file in the given folders.",
        discussion: ExitStatus.help)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var config: ConfigOptions

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false)
            let lock = try ArchiveLock(archivePath: archive.path)
            let store = try archive.openForWriting()
            let started = Date()
            let importer = FileImport(
                store: store,
                archiver: PageArchiver(normalizer: Normalizer(settings: settings.normalizer),
                                       ingestor: Ingestor(store: store, settings: settings.dedup)),
                maxBytes: settings.normalizer.maxInputBytes, warn: Console.warn)
            let summary = try importer.run(paths: paths)
            withExtendedLifetime(lock) {}
            print("import: " + summary.line(seconds: Date().timeIntervalSince(started)))
            if summary.failures > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}
