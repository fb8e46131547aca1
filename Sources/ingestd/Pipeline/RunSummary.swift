/// What one pass (run or import) did, for the one-line summary and the exit code.
struct RunSummary {
    var feeds = 0
    var feedsUnchanged = 0
    var feedsFailed = 0
    var feedsParked = 0
    var feedsNotDue = 0
    /// Feeds and entries the run's deadline left for the next run; not failures.
    var feedsDeferred = 0
    var entriesDeferred = 0
    var entries = 0
    var entriesKnown = 0
    var entriesFailed = 0
    var entriesDisallowed = 0
    var files = 0
    var filesFailed = 0
    var records = 0
    var recordsFailed = 0
    /// WARC records read, those archived, and those not pages (other record types, other media).
    var warcRecords = 0
    var warcFailed = 0
    var warcSkipped = 0
    var documentsAdded = 0
    var joinedClusters = 0
    /// Documents added, by their relation to the cluster they joined ("canonical": a new cluster).
    var addedByRelation: [String: Int] = [:]
    var seenAgain = 0
    var empty = 0
    /// Body bytes received (feeds and pages, decoded).
    var bytesFetched = 0

    var failures: Int { feedsFailed + entriesFailed + filesFailed + recordsFailed + warcFailed }

    mutating func count(_ outcome: IngestOutcomeKind) {
        switch outcome {
        case .added(let relation):
            documentsAdded += 1
            if relation != Self.canonical { joinedClusters += 1 }
            addedByRelation[relation, default: 0] += 1
        case .seenAgain: seenAgain += 1
        case .empty: empty += 1
        }
    }

    func line(seconds: Double) -> String {
        var parts: [String] = []
        if feeds > 0 || feedsNotDue > 0 {
            let parked = feedsParked > 0 ? ", \(feedsParked) parked" : ""
            parts.append("\(feeds) feeds (\(feedsUnchanged) unchanged, \(feedsFailed) failed\(parked)), \(feedsNotDue) not due")
            let disallowed = entriesDisallowed > 0 ? ", \(entriesDisallowed) disallowed by robots.txt" : ""
            parts.append("\(entries) entries (\(entriesKnown) known, \(entriesFailed) failed\(disallowed))")
            if feedsDeferred + entriesDeferred > 0 {
                parts.append("deadline reached: \(feedsDeferred) feeds and \(entriesDeferred) entries left for the next run")
            }
        }
        if files > 0 { parts.append("\(files) files (\(filesFailed) failed)") }
        if records > 0 { parts.append("\(records) JSONL records (\(recordsFailed) failed)") }
        if warcRecords > 0 {
            parts.append("\(warcRecords) WARC records (\(warcSkipped) not pages, skipped; \(warcFailed) failed)")
        }
        parts.append("\(documentsAdded) documents added (\(joinedClusters) joined a cluster)")
        parts.append("\(seenAgain) seen again")
        if empty > 0 { parts.append("\(empty) without article text") }
        return parts.joined(separator: ", ") + String(format: " in %.1f s", seconds)
    }
}

extension RunSummary {
    /// The relation of a document that opened a cluster of its own.
    static let canonical = "canonical"
}

/// The three things archiving a text can come to; an added text with its relation to the
/// cluster it joined (`RunSummary.canonical`, or the strongest `DuplicateKind` it has).
enum IngestOutcomeKind: CustomStringConvertible {
    case added(relation: String)
    case seenAgain
    case empty

    var description: String {
        switch self {
        case .added(let relation): "archived (\(relation))"
        case .seenAgain: "seen again (its text is archived already)"
        case .empty: "no article text"
        }
    }
}
