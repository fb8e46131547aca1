import ArgumentParser
import Archive

/// `ingestd stats`: counts and sizes of the archive.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show counts and sizes of the archive.", discussion: ExitStatus.help)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false

    static func perWord(_ bytes: Int, _ words: Int) -> String {
        words == 0 ? "-" : String(format: "%.2f", Double(bytes) / Double(words))
    }

    func run() throws {
        try CommandFailure.reporting {
            let s = archive.isPostgres ? try archive.openPostgres().stats() : try archive.openReadOnly().stats()
            if json { return try JSONOutput.print(s) }
            print("""
                archive \(archive.label): \(s.archiveFileBytes) bytes
                sources \(s.sources), captures \(s.captures), documents \(s.documents), sightings \(s.sightings)
                clusters \(s.clusters), of which \(s.multiDocumentClusters) hold \(s.documentsInMultiDocumentClusters) documents together
                documents by relation \(s.documentsByRelation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                relations \(s.relationsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                text \(s.rawTextBytes) bytes, stored in \(s.compressedTextBytes); captures \(s.rawCaptureBytes) bytes, stored in \(s.compressedCaptureBytes)
                indexes: duplicates \(s.duplicateIndexBytes) bytes (\(Self.perWord(s.duplicateIndexBytes, s.words)) a word of text), \
                search \(s.searchIndexBytes) bytes (\(Self.perWord(s.searchIndexBytes, s.words)))
                """)
        }
    }
}
