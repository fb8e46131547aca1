import ArgumentParser
import Archive
import Dedup
import Foundation
import Normalizer

/// `ingestd dedup INPUT...`: deduplicates a JSONL corpus in memory, with the same engine
/// and the same normalization as `import`, and writes its clusters or the corpus without
/// its duplicates.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Deduplicate a JSONL corpus: write each line's cluster, or the corpus without its duplicates.",
        discussion: """
            Reads JSONL (one object per line; .gz files and `-` for standard input too), in order: \
            a text's cluster is that of the earliest text it copies or rewrites. The text is cleaned \
            as `import` cleans it, and judged by the same rules, so `import` of the same lines gives \
            the same clusters. A line that is not an object with an id and a text is named \
            (FILE:LINE, the first 20 per file) and left out; the exit status is then 1.

            --format clusters writes {"id", "cluster", "relation", "canonical"} per line: the cluster \
            number, how the line relates to its cluster (canonical, exact, syndicated, \
            shared-wire-passages) and the id of the cluster's canonical (its earliest line). \
            --format canonical writes the input lines themselves, byte for byte, minus every \
            duplicate: each cluster's canonical line alone.

            With --archive, the lines are then archived as `import --jsonl` archives them (same \
            clusters, with search, compression and provenance). A summary goes to stderr at the end, \
            and progress while it runs on a terminal.

            Example: ingestd dedup corpus.jsonl.gz --format canonical --out unique.jsonl

            \(ExitStatus.help)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case clusters, canonical
    }

    @OptionGroup var config: ConfigOptions
    @Argument(help: ArgumentHelp("JSONL files (.jsonl or .jsonl.gz), or - for standard input.", valueName: "input"))
    var inputs: [String]
    @OptionGroup var corpusFields: CorpusFieldOptions
    @Option(help: ArgumentHelp("Write here instead of standard output (the file appears only when complete).",
                               valueName: "file"))
    var out: String?
    @Option(help: ArgumentHelp("clusters: one cluster line per input line; canonical: the input minus its duplicates."))
    var format = Format.clusters
    @Option(help: ArgumentHelp("Also archive every line here, as `import --jsonl` does.", valueName: "path"))
    var archive: String?
    @Flag(help: "No summary on stderr.") var quiet = false

    func validate() throws {
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        try CommandFailure.reporting {
            let settings = try config.load(required: false)
            let fields = corpusFields.fields
            let started = ContinuousClock.now
            // The inputs, then the archive, before the work: an input that cannot be read leaves
            // no new archive, and a locked or unusable archive fails at once.
            let corpus = try CorpusInput(paths: CorpusInput.expandingFolders(inputs))
            var options = ArchiveOptions()
            options.archive = archive
            // (PostgreSQL keeps its writers apart itself: no lock file.)
            let lock = options.isPostgres ? nil : try archive.map { _ in try options.lock() }
            let store: (any CorpusStore)? = try archive.map { _ -> any CorpusStore in
                if options.isPostgres { return try options.openPostgres(indexScheme: settings.dedup.indexScheme) }
                return try options.openForIngest(indexScheme: settings.dedup.indexScheme)
            }
            let run = try DedupRun(corpus: corpus, settings: settings, fields: fields,
                                   format: format == .canonical, sink: try ExportSink(path: out))
            try run.run()
            if !quiet { Console.note(run.summary(seconds: (ContinuousClock.now - started) / .seconds(1))) }
            if let store {
                let archived = ContinuousClock.now
                // (The lines that fail were named above.)
                let importer = JSONLImport(store: store, normalizer: Normalizer(settings: settings.normalizer),
                                           matcher: DuplicateMatcher(settings: settings.dedup), warn: { _ in }, fields: fields)
                let summary = try importer.run(files: try corpus.files())
                if !quiet { Console.note("archive: " + summary.line(seconds: (ContinuousClock.now - archived) / .seconds(1))) }
            }
            withExtendedLifetime(lock) {}
            if run.failed > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}
