import ArgumentParser
import Archive
import Foundation

/// `ingestd export`: the cleaned corpus, one document per line.
struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every document with its text, cluster and provenance.",
        discussion: """
            JSON Lines, one document per line in id order: id, cluster, relation, title, published, \
            language, site_name, canonical_url, content_hash, text and sightings. With --out the file \
            is written beside its target and renamed into place only when complete.

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Output format.") var format: Format = .jsonl
    @Option(help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file")) var out: String?

    func run() throws {
        try CommandFailure.reporting {
            let store = try archive.openExisting()
            let sink = try ExportSink(path: out)
            let encoder = JSONOutput.encoder(pretty: false)
            do {
                try store.forEachDocument { doc in
                    var line = try encoder.encode(doc)
                    line.append(0x0A)
                    try sink.write(line)
                }
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        }
    }
}
