import ArgumentParser
import Archive

/// `ingestd search QUERY`: full-text search over archived titles and texts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search archived titles and texts (SQLite FTS5, or PostgreSQL's full-text search).",
        discussion: """
            On SQLite, QUERY is FTS5 syntax: words (all must match), "a phrase", prefix*, OR, NOT, title:word. \
            On PostgreSQL it is web-search syntax: words, "a phrase", or, -word; any text is a valid query. \
            Best matches first, each with its cluster and a snippet.

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Argument(help: "The query.") var query: String
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try CommandFailure.reporting {
            let search: (String, Int) throws(ArchiveError) -> [SearchHit]
            if archive.isPostgres {
                search = try archive.openPostgres().search
            } else {
                search = try archive.openReadOnly().search
            }
            let hits: [SearchHit]
            do throws(ArchiveError) { hits = try search(query, limit) } catch {
                if case .badQuery = error { throw CommandFailure(.dataError, error.description) }
                throw CommandFailure(.ioError, error.description)
            }
            if json { return try JSONOutput.print(hits) }
            if hits.isEmpty { print("no documents match \(query)") }
            for h in hits {
                let date = h.published.map { TimeFormat.day($0) } ?? "undated"
                print("#\(h.id)  cluster \(h.cluster)  \(date)  \(h.title ?? "(untitled)")\n    \(h.snippet)")
            }
        }
    }
}
