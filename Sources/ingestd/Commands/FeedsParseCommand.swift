import ArgumentParser
import Fetcher
import Foundation
import Timestamps

/// `ingestd feeds parse FILE... --jsonl`: what the feed parser reads from each file, one JSON
/// line per file, in the conformance format of `../shared/feeds/README.md`.
struct FeedsParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse feed files and print what was read, one JSON line per file.",
        discussion: """
            Each line: {"file", "format", "malformed", "feed": {"title", "link"}, "entries": [{"id", "link", \
            "title", "published", "updated", "author", "summary", "content", "thumbnail", "media": [{"url", \
            "type", "length", "medium"}]}]}, text fields as plain text and \
            dates as UTC ISO 8601. A file that cannot be parsed gives format "unknown", no entries, and its \
            error on stderr.

            Example: ingestd feeds parse saved/*.xml --jsonl

            \(ExitStatus.help)
            """)

    @Argument(help: ArgumentHelp("Feed files.", valueName: "file")) var files: [String]
    @Flag(help: "JSON Lines output (the only format).") var jsonl = false
    @Flag(help: "End with a summary line on stderr: files, failures, seconds, peak memory.") var stats = false

    func run() throws {
        let parser = FeedParser()
        let started = Date()
        var failed = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            var line = ParsedFeedLine(file: file)
            do {
                if file.contains("://") {
                    throw CommandFailure(.dataError, "feeds parse reads saved files; to follow a feed at a URL: ingestd feeds add \(file)")
                }
                let bytes: Data
                do { bytes = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    throw CommandFailure(.noInput, "cannot read: \((error as NSError).localizedDescription)")
                }
                let document = try parser.parse(bytes, url: "")
                line.fill(document)
                for warning in document.warnings { Console.warn("\(file): \(warning)") }
            } catch {
                failed += 1
                line.malformed = true
                Console.warn("\(file): \((error as? FetchError)?.reason ?? (error as? CommandFailure)?.message ?? "\(error)")")
            }
            FileHandle.standardOutput.write(try encoder.encode(line) + Data([0x0A]))
        }
        if stats {
            let line = String(format: "feeds parse: files=%d failed=%d seconds=%.3f peak_rss_mb=%d\n",
                              files.count, failed, Date().timeIntervalSince(started), PeakMemory.megabytes)
            FileHandle.standardError.write(Data(line.utf8))
        }
        if failed > 0 { throw ExitCode(ExitStatus.partial.rawValue) }
    }
}

/// One line of `feeds parse`: keys as the conformance comparator reads them.
struct ParsedFeedLine: Encodable {
    struct Feed: Encodable {
        var title: String?
        var link: String?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(title, forKey: Key("title"))
            try c.encode(link, forKey: Key("link"))
        }
    }

    /// Every field is written, null when absent, as the comparator expects.
    struct Entry: Encodable {
        var id, link, title, published, updated, author, summary, content, thumbnail: String?
        var media: [FeedMedia] = []

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (name, value) in [("id", id), ("link", link), ("title", title), ("published", published), ("updated", updated),
                                  ("author", author), ("summary", summary), ("content", content), ("thumbnail", thumbnail)] {
                try c.encode(value, forKey: Key(name))
            }
            try c.encode(media, forKey: Key("media"))
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var file: String
    var format = "unknown"
    var malformed = false
    var feed = Feed()
    var entries: [Entry] = []

    init(file: String) { self.file = file }

    mutating func fill(_ document: FeedDocument) {
        format = [.cdf, .sitemap].contains(document.format) ? "unknown" : document.format.rawValue
        malformed = document.malformed
        feed = Feed(title: document.title, link: document.link)
        entries = document.entries.map { e in
            Entry(id: e.id, link: e.link, title: e.title,
                  published: e.published.map(TimestampParser.iso8601String), updated: e.updated.map(TimestampParser.iso8601String),
                  author: e.author, summary: e.summary, content: e.content?.plainText, thumbnail: e.thumbnail, media: e.media)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(format, forKey: .format)
        try c.encode(malformed, forKey: .malformed)
        try c.encode(feed, forKey: .feed)
        try c.encode(entries, forKey: .entries)
    }

    private enum CodingKeys: String, CodingKey { case file, format, malformed, feed, entries }
}
