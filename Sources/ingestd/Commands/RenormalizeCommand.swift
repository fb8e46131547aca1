import ArgumentParser
import Archive
import Dedup
import Foundation
import Normalizer
import Timestamps

/// `ingestd renormalize`: read archived pages again from their raw captures, with the current
/// extractor, settings and learned site templates, without fetching anything.
struct RenormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renormalize",
        abstract: "Extract archived pages again from their stored captures, then recompute clusters.",
        discussion: """
            Each document (first seen at or after --since, else all) is read again from the capture it \
            was first seen through, with the current normalizer settings and each site's learned \
            template (see normalizer.template_min_pages), so template lines are removed from the pages \
            that taught them too. A text that changes is stored anew; one that now equals another \
            document's joins it (sightings and entries move, nothing is lost). Relations and clusters \
            are then recomputed as by `clusters rebuild`. One transaction; holds the archive lock (on \
            PostgreSQL, the write lock workers take).

            Example: ingestd renormalize --since 2026-11-01

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: ArgumentHelp("Only documents first seen at or after this date (ISO 8601).", valueName: "date"))
    var since: String?

    func run() throws {
        try CommandFailure.reporting {
            let settings = try archive.config.load(required: false)
            let sinceDate = try since.map { raw in
                guard let d = TimestampParser.parse(raw) else { throw CommandFailure(.dataError, "--since \(raw): not a date") }
                return d
            }
            // On PostgreSQL the transaction holds the write lock instead of a lock file.
            let lock = archive.isPostgres ? nil : try archive.lock()
            let store: any Renormalizing = archive.isPostgres ? try archive.openPostgres() : try archive.openExisting()
            let started = Date()
            let normalizer = Normalizer(settings: settings.normalizer)
            let matcher = DuplicateMatcher(settings: settings.dedup)
            // One search for the whole replay: it sees the archive grow in id order, as it was filled.
            let search = CandidateSearch(settings: settings.dedup, replaying: true)
            let lines = JSONObjectReader()
            let summary = try store.renormalize(since: sinceDate, indexScheme: settings.dedup.indexScheme, reread: { session, capture in
                try Self.reread(capture, normalizer: normalizer, lines: lines, shingleWords: settings.dedup.shingleWords,
                                in: session)
            }, decide: { session, id, text in
                try matcher.rebuildDecision(text: text, of: id, in: session, search: search)
            })
            withExtendedLifetime(lock) {}
            print(String(format: "renormalize: %d documents read again, %d changed, %d merged into an identical one, %d clusters, in %.1f s",
                         summary.examined, summary.changed, summary.merged, summary.clusters, Date().timeIntervalSince(started)))
        }
    }

    /// The capture's article with its site's template removed; nil when it cannot be read.
    /// A JSONL line is read as on import (its text field, no site template), not as a page.
    private static func reread(_ capture: StoredCapture, normalizer: Normalizer, lines: JSONObjectReader,
                               shingleWords: Int, in session: any ArchiveWriter) throws -> RenormalizedText? {
        let article: Article
        if capture.contentType == CorpusLine.contentType {
            guard let line = try? CorpusLine(json: capture.body, reader: lines) else { return nil }
            article = line.article(normalizer)
        } else {
            guard let page = try? normalizer.article(bytes: capture.body, contentType: capture.contentType, url: capture.finalURL)
            else { return nil }
            article = try withoutHostTemplate(page, url: capture.finalURL, normalizer: normalizer, in: session)
        }
        let text = article.text
        return RenormalizedText(
            text: text, contentHash: ContentHash.sha256Hex(text),
            wordCount: AnalyzedText(text, shingleWords: shingleWords).tokens.count, title: article.title,
            published: article.published, language: article.language, siteName: article.siteName,
            canonicalURL: article.canonicalURL, normalizerVersion: Ingestor.normalizerVersion)
    }

    private static func withoutHostTemplate(_ article: Article, url: String, normalizer: Normalizer,
                                            in session: any ArchiveWriter) throws -> Article {
        guard let host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return article }
        let blocks = try session.hostTemplateBlocks(host: host, minPages: normalizer.settings.templateMinPages)
        return HostTemplate(blockHashes: blocks, maxWords: normalizer.settings.templateMaxWords).removing(from: article)
    }
}
