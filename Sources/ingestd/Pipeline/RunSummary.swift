/// What one pass (run or import) did, for the one-line summary and the exit code.
struct RunSummary {
    var feeds = 0
    var feedsUnchanged = 0
    var feedsFailed = 0
    var entries = 0
    var entriesKnown = 0
    var entriesFailed = 0
    var files = 0
    var filesFailed = 0
    var records = 0
    var recordsFailed = 0
    var documentsAdded = 0
    var joinedClusters = 0
    var seenAgain = 0
    var empty = 0

    var failures: Int { feedsFailed + entriesFailed + filesFailed + recordsFailed }

    mutating func count(_ outcome: IngestOutcomeKind) {
        switch outcome {
        case .added(let joined):
            documentsAdded += 1
            if joined { joinedClusters += 1 }
        case .seenAgain: seenAgain += 1
        case .empty: empty += 1
        }
    }

    func line(seconds: Double) -> String {
        var parts: [String] = []
        if feeds > 0 {
            parts.append("\(feeds) feeds (\(feedsUnchanged) unchanged, \(feedsFailed) failed)")
            parts.append("\(entries) entries (\(entriesKnown) known, \(entriesFailed) failed)")
        }
        if files > 0 { parts.append("\(files) files (\(filesFailed) failed)") }
        if records > 0 { parts.append("\(records) JSONL records (\(recordsFailed) failed)") }
        parts.append("\(documentsAdded) documents added (\(joinedClusters) joined a cluster)")
        parts.append("\(seenAgain) seen again")
        if empty > 0 { parts.append("\(empty) without article text") }
        return parts.joined(separator: ", ") + String(format: " in %.1f s", seconds)
    }
}

/// The three things archiving a text can come to.
enum IngestOutcomeKind {
    case added(joinedCluster: Bool)
    case seenAgain
    case empty
}
