import ArgumentParser
import Archive
import Foundation

/// `ingestd feeds list`: every followed feed with its state, error record and schedule.
struct FeedsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List followed feeds: state, last fetch, next fetch, errors.", discussion: """
            Example: ingestd feeds list --json

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false

    /// The columns of the plain listing (tab-separated; a feed's error, when it has one, on
    /// an indented line below it).
    static let header = "STATE\tURL\tTITLE\tLAST FETCH\tNEXT FETCH"

    func run() throws {
        try CommandFailure.reporting {
            let feeds = try archive.openFeedList(readOnly: true).feeds()
            if json { return try JSONOutput.print(feeds) }
            if feeds.isEmpty { return print("no feeds (add some with `ingestd feeds add URL` or list them in the config)") }
            print(Self.header)
            for f in feeds {
                let state = f.parkedReason != nil ? "parked" : f.errorCount > 0 ? "failing(\(f.errorCount))" : f.lastFetchedAt == nil ? "new" : "ok"
                let last = f.lastFetchedAt.map { TimeFormat.day($0) + (f.lastStatus.map { " HTTP \($0)" } ?? "") } ?? "never fetched"
                let next = f.parkedReason != nil ? "not scheduled" : f.nextFetchAt.map { "next " + TimeFormat.day($0) } ?? "due now"
                print("\(state)\t\(f.url)\t\(f.title ?? "(untitled)")\t\(last)\t\(next)")
                if let why = f.parkedReason ?? f.lastError { print("\t\(why)") }
            }
        }
    }
}
