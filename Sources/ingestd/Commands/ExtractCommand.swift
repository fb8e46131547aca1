import ArgumentParser
import Foundation
import Normalizer

/// `ingestd extract`: a folder of saved pages in, one JSON object of clean articles out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the main text and metadata of saved HTML pages, in one process.",
        discussion: """
            Takes .html/.htm files, or folders searched (not recursively) for them, and writes one JSON \
            object {id: {"articleBody", "title", "author", "published", "modified", "description", \
            "language", "siteName", "canonicalURL"}} where id is the file name without extension; \
            dates are UTC ISO 8601. A page that cannot be read or parsed is named on stderr, gets an \
            empty entry, and makes the exit status 1. A progress bar goes to stderr when it is a \
            terminal; the last line on stderr is the timing summary \
            (pages, failed, seconds, median_ms, p90_ms, peak_rss_mb).

            Example: ingestd extract ~/saved-pages/ --out articles.json

            \(ExitStatus.help)
            """)

    @Argument(help: ArgumentHelp("HTML files, or folders holding them.", valueName: "path")) var paths: [String]
    @Option(help: ArgumentHelp("Write the JSON object here instead of stdout ('-': stdout).", valueName: "file")) var out = "-"
    @Flag(help: "JSON output (the only format; accepted as every command accepts it).") var json = false
    @Option(help: ArgumentHelp("Also write each page's extraction time (id, milliseconds) as TSV here.", valueName: "file"))
    var timings: String?
    @OptionGroup var config: ConfigOptions

    func run() throws {
        try CommandFailure.reporting {
            let normalizer = Normalizer(settings: try config.load(required: false).normalizer)
            let pages = try PageList.htmlFiles(in: paths)
            let sink = try ExportSink(path: out)
            let progress = ProgressBar(total: pages.count)
            var times = PageTimings()
            var failed = 0
            do {
                try sink.write(Data("{".utf8))
                for (index, page) in pages.enumerated() {
                    let started = DispatchTime.now().uptimeNanoseconds
                    let record: ExtractedPage
                    do {
                        let bytes = try PageList.read(page.path)
                        record = ExtractedPage(try normalizer.article(html: bytes, url: nil))
                    } catch {
                        Console.warn("\(page.path): \(error)")
                        failed += 1
                        record = ExtractedPage.empty
                    }
                    times.add(id: page.id, nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
                    try sink.write(try record.jsonEntry(id: page.id, first: index == 0))
                    progress.advance()
                }
                try sink.write(Data("}\n".utf8))
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
            progress.finish()
            if let timings {
                let sink = try ExportSink(path: timings)
                try sink.write(times.tsv())
                try sink.finish()
            }
            FileHandle.standardError.write(Data((times.summary(failed: failed) + "\n").utf8))
            if failed > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
        }
    }
}
