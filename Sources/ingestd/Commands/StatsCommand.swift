import ArgumentParser
import Archive

/// `ingestd stats`: counts and sizes of the archive.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show counts and sizes of the archive.",
        discussion: """
            Sizes in human units (KiB, MiB, GiB); --json gives every figure in bytes.

            Example: ingestd stats --archive ~/news/archive.sqlite

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false

    static func perWord(_ bytes: Int, _ words: Int) -> String {
        words == 0 ? "-" : String(format: "%.2f", Double(bytes) / Double(words))
    }

    /// `1.4 MiB`: binary units, three significant figures; bytes below 1 KiB as they are.
    static func size(_ bytes: Int) -> String {
        var value = Double(bytes), unit = 0
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        while value >= 1_024, unit < units.count - 1 {
            value /= 1_024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: value < 10 ? "%.2f %@" : value < 100 ? "%.1f %@" : "%.0f %@", value, units[unit])
    }

    func run() throws {
        try CommandFailure.reporting {
            let s = archive.isPostgres ? try archive.openPostgres().stats() : try archive.openReadOnly().stats()
            if json { return try JSONOutput.print(s) }
            print("""
                archive \(archive.label): \(Self.size(s.archiveFileBytes))
                sources \(s.sources), captures \(s.captures), documents \(s.documents), sightings \(s.sightings)
                clusters \(s.clusters), of which \(s.multiDocumentClusters) hold \(s.documentsInMultiDocumentClusters) documents together
                documents by relation \(s.documentsByRelation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                relations \(s.relationsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                text \(Self.size(s.rawTextBytes)), stored in \(Self.size(s.compressedTextBytes)); \
                captures \(Self.size(s.rawCaptureBytes)), stored in \(Self.size(s.compressedCaptureBytes))
                indexes: duplicates \(Self.size(s.duplicateIndexBytes)) (\(Self.perWord(s.duplicateIndexBytes, s.words)) bytes a word of text), \
                search \(Self.size(s.searchIndexBytes)) (\(Self.perWord(s.searchIndexBytes, s.words)))
                """)
        }
    }
}
