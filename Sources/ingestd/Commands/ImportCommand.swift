import ArgumentParser
import Archive
import Dedup
import Foundation
import Normalizer

/// `ingestd import PATH...`: archive local HTML and text files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Archive local .html, .htm and .txt files (or every such file in given folders), WARC files, or JSONL corpora.",
        discussion: """
            Example: ingestd import --jsonl corpus.jsonl.gz --id-field uid

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: ArgumentHelp(
        "Read each PATH as a JSONL corpus: one {id, text[, url, title, published, source]} object per line.",
        discussion: """
            The ids come back in `clusters export`, as the same JSON strings or numbers. A PATH may be \
            gzip (told by its bytes, not its name), a folder (its .jsonl, .json and .gz files, in name \
            order) or - for standard input.
            """))
    var jsonl = false

    @OptionGroup(title: "With --jsonl") var corpusFields: CorpusFieldOptions

    @Option(help: ArgumentHelp(
        "With --jsonl, the most lines committed in one transaction (a batch also ends after 12 s).",
        discussion: "A kill loses at most the batch in progress, which the next import completes; larger batches write less.",
        valueName: "n"))
    var batchLines = JSONLImport.defaultBatchSize

    @Option(help: ArgumentHelp(
        "With --jsonl, only this worker's share of the lines: i/n takes the lines whose number in their file, from 0, is i modulo n.",
        discussion: "n workers started with 0/n … n-1/n, at once, into one PostgreSQL archive take every line once between them.",
        valueName: "i/n"))
    var shard: Shard?

    @Argument(help: "Files or folders to import: pages (.html, .htm, .txt), WARC files (plain or gzip), or JSONL with --jsonl.")
    var paths: [String]

    func validate() throws {
        guard batchLines >= 1 else { throw ValidationError("--batch-lines must be at least 1") }
        guard jsonl || !corpusFields.areGiven else { throw ValidationError("the --…-field options apply to --jsonl") }
        guard jsonl || shard == nil else { throw ValidationError("--shard applies to --jsonl") }
        guard paths.filter({ $0 == "-" }).count <= (jsonl ? 1 : 0) else {
            throw ValidationError(jsonl ? "standard input (-) can be read only once" : "- (standard input) needs --jsonl")
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false)
            // The inputs first: one that cannot be read leaves no new archive and no lock file.
            let corpus = jsonl ? try CorpusInput(paths: CorpusInput.expandingFolders(paths)).files() : []
            if !jsonl, let missing = paths.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
                throw CommandFailure(.noInput, "\(missing): no such file or folder")
            }
            // On PostgreSQL the server keeps writers apart, so there is no lock file.
            let lock = archive.isPostgres ? nil : try archive.lock()
            let store: any CorpusStore & ArchiveWriter = try archive.isPostgres
                ? archive.openPostgres(indexScheme: settings.dedup.indexScheme)
                : archive.openForIngest(indexScheme: settings.dedup.indexScheme)
            let started = Date()
            let normalizer = Normalizer(settings: settings.normalizer)
            let matcher = DuplicateMatcher(settings: settings.dedup)
            // WARC files named here (plain or gzip) are read record by record; the rest are pages.
            let warcs = jsonl ? [] : paths.filter(WARCImport.isWARC)
            var summary = RunSummary()
            if jsonl {
                summary = try JSONLImport(store: store, normalizer: normalizer, matcher: matcher, warn: Console.warn,
                                          batchSize: batchLines, fields: corpusFields.fields, shard: shard).run(files: corpus)
            } else {
                let archiver = PageArchiver(normalizer: normalizer, ingestor: Ingestor(writer: store, matcher: matcher))
                summary = try FileImport(store: store, archiver: archiver, maxBytes: settings.normalizer.maxInputBytes, warn: Console.warn)
                    .run(paths: paths.filter { !warcs.contains($0) })
                if !warcs.isEmpty {
                    try WARCImport(store: store, normalizer: normalizer, matcher: matcher, maxBytes: settings.normalizer.maxInputBytes,
                                   warn: Console.warn).run(paths: warcs, into: &summary)
                }
            }
            withExtendedLifetime(lock) {}
            print("import: " + summary.line(seconds: Date().timeIntervalSince(started)))
            if summary.failures > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}
