import ArgumentParser
import Foundation
import Timestamps

/// `--since` and `--limit`, shared by the listing commands (`clusters list`, `docs list`).
///
/// Guarantees: after parsing, `--since` is a date `TimestampParser` reads and `--limit` at least 1.
struct ListingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only those first seen at or after this date (ISO 8601).", valueName: "date")) var since: String?
    @Option(help: "At most this many.") var limit: Int?

    func validate() throws {
        if let since, TimestampParser.parse(since) == nil { throw ValidationError("--since: not a date: \(since)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    var start: Date? { since.flatMap(TimestampParser.parse) }

    /// Whether something first seen at `firstSeen` is within `--since`.
    func admits(_ firstSeen: Date) -> Bool { start.map { firstSeen >= $0 } ?? true }
    var maximum: Int { limit ?? .max }
}
