import ArgumentParser
import Archive

/// `ingestd search QUERY`: full-text search over archived titles and texts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search archived titles and texts (SQLite FTS5, or PostgreSQL's full-text search).",
        discussion: """
            QUERY is read as typed: words (all must match), "a phrase", -word to leave out, OR between two \
            terms; punctuation is part of a word (S-400, C++), and no query is a syntax error. \
            --syntax fts5 passes QUERY to SQLite's FTS5 as it is: title:word, prefix*, NEAR(a b), AND/OR/NOT. \
            Best matches first, each with its date, source, first URL and a snippet, matched words in bold \
            on a terminal (NO_COLOR or --color never turns it off) and as **word** elsewhere and in --json.

            Example: ingestd search '"Putin–Erdogan" S-400 -Syria'

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The query.") var query: String
    @Option(help: "At most this many results.") var limit = 20
    @Option(help: "plain (the default) or fts5.") var syntax: SearchQuery.Syntax = .plain
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.") var color: Console.ColorChoice = .auto

    func run() throws {
        try CommandFailure.reporting {
            let search: (SearchQuery, Int) throws(ArchiveError) -> [SearchHit]
            if archive.isPostgres {
                search = try archive.openPostgres().search
            } else {
                search = try archive.openReadOnly().search
            }
            let hits: [SearchHit]
            do throws(ArchiveError) { hits = try search(SearchQuery(query, syntax: syntax), limit) } catch {
                if case .badQuery = error { throw CommandFailure(.dataError, error.description) }
                throw CommandFailure(.ioError, error.description)
            }
            if json { return try JSONOutput.print(hits) }
            if hits.isEmpty { print("no documents match \(query)") }
            let bold = Console.colorsStdout(color)
            for h in hits {
                let date = h.published.map { TimeFormat.day($0) } ?? "undated"
                var snippet = h.snippet
                if bold { snippet = Self.emboldened(snippet) }
                print("#\(h.id)  \(date)  \(h.title ?? "(untitled)")  [cluster \(h.cluster)]")
                print("    \(h.source ?? "unknown source")  \(h.url ?? "")")
                print("    \(snippet)")
            }
        }
    }

    /// `**word**` marks as bold on a terminal.
    private static func emboldened(_ snippet: String) -> String {
        var out = "", open = false
        var rest = Substring(snippet)
        while let mark = rest.range(of: "**") {
            out += rest[..<mark.lowerBound] + (open ? "\u{1B}[0m" : "\u{1B}[1m")
            open.toggle()
            rest = rest[mark.upperBound...]
        }
        return out + rest + (open ? "\u{1B}[0m" : "")
    }
}

extension SearchQuery.Syntax: ExpressibleByArgument {}

extension Console.ColorChoice: ExpressibleByArgument {}
