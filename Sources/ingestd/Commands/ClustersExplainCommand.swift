import ArgumentParser
import Archive
import Dedup
import Foundation
import Normalizer

/// `ingestd clusters explain A B`: why two documents are, or are not, duplicates.
struct ClustersExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Compare two documents: Jaccard, containment and their shared passages side by side.",
        discussion: """
            Measures the pair afresh with the current dedup settings (from --config, else the defaults) \
            and the archive's fingerprint counts, so it also explains pairs that did not merge.

            Example: ingestd clusters explain 1 3

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.") var color: Console.ColorChoice = .auto
    @Argument(help: "A document id.") var first: Int64
    @Argument(help: "Another document id.") var second: Int64

    func run() throws {
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false).dedup
            let store: any ClusterStore = archive.isPostgres ? try archive.openPostgres() : try archive.openReadOnly()
            // One snapshot: a run committing meanwhile cannot change a text between its reads.
            let (a, b, textA, textB, common) = try store.readClusters { snapshot in
                let (a, b): (DocumentDetail, DocumentDetail)
                do { (a, b) = (try snapshot.document(first), try snapshot.document(second)) } catch ArchiveError.notFound(let what) {
                    throw CommandFailure(.noInput, ArchiveError.notFound(what).description)
                }
                let textA = AnalyzedText(a.text, shingleWords: settings.shingleWords)
                let textB = AnalyzedText(b.text, shingleWords: settings.shingleWords)
                let hashes = Fingerprints(of: textA, settings: settings).passages
                return (a, b, textA, textB, try CandidateSearch(settings: settings).common(hashes, in: snapshot))
            }
            let evidence = DuplicateJudge(settings: settings).compare(textA, textB, isCommon: { common.contains($0) })
                .withPassageTexts(from: textA)
            let view = ExplainView(a: a, b: b, textA: textA, textB: textB, evidence: evidence, settings: settings)
            if json { try JSONOutput.print(view) } else { print(view.text(colour: Console.colorsStdout(color), width: Console.stdoutWidth())) }
        }
    }
}
