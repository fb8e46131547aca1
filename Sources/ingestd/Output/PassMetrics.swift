import Foundation
import Normalizer

/// One pass's figures in the Prometheus text exposition format (version 0.0.4), for
/// node_exporter's textfile collector (`--metrics-file`) and the daemon's `/metrics`.
///
/// Guarantees: every series has a `# HELP` and `# TYPE` line before it; names match
/// `[a-zA-Z_:][a-zA-Z0-9_:]*`; label values are escaped; a file is replaced atomically (written
/// beside it, then renamed), so a scrape never reads half a pass.
struct PassMetrics {
    var summary: RunSummary
    var seconds: Double
    var finishedAt: Date
    /// The archive's bytes on disk (SQLite: the file and its WAL); nil when not known.
    var archiveBytes: Int?

    var text: String {
        var out = ""
        func gauge(_ name: String, _ help: String, _ series: [(labels: [(String, String)], value: Double)]) {
            out += "# HELP ingestd_\(name) \(help)\n# TYPE ingestd_\(name) gauge\n"
            for (labels, value) in series {
                let rendered = labels.isEmpty ? ""
                    : "{" + labels.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",") + "}"
                out += "ingestd_\(name)\(rendered) \(Self.number(value))\n"
            }
        }
        let s = summary
        gauge("last_pass_timestamp_seconds", "When the last pass finished (Unix time).", [([], finishedAt.timeIntervalSince1970)])
        gauge("pass_duration_seconds", "How long the last pass took.", [([], seconds)])
        gauge("feeds", "Feeds of the last pass, by what became of them.", [
            ([("state", "fetched")], Double(s.feeds)), ([("state", "not_modified")], Double(s.feedsUnchanged)),
            ([("state", "failed")], Double(s.feedsFailed)), ([("state", "parked")], Double(s.feedsParked)),
            ([("state", "not_due")], Double(s.feedsNotDue)), ([("state", "deferred")], Double(s.feedsDeferred)),
        ])
        gauge("entries", "Feed entries of the last pass, by what became of them.", [
            ([("state", "seen")], Double(s.entries)), ([("state", "known")], Double(s.entriesKnown)),
            ([("state", "failed")], Double(s.entriesFailed)), ([("state", "disallowed")], Double(s.entriesDisallowed)),
            ([("state", "deferred")], Double(s.entriesDeferred)),
        ])
        // An exact copy adds no document (it is `documents_seen_again`): no series for it here.
        let relations = [RunSummary.canonical] + DuplicateKind.allCases.filter { $0 != .exact }.map(\.rawValue)
        gauge("documents_added", "Documents the last pass added, by their relation to their cluster (canonical: a new one).",
              relations.map { ([("relation", $0)], Double(s.addedByRelation[$0] ?? 0)) })
        gauge("documents_seen_again", "Texts the last pass found already archived (a new sighting, no new document).",
              [([], Double(s.seenAgain))])
        gauge("documents_without_text", "Pages the last pass found no article text in.", [([], Double(s.empty))])
        gauge("bytes_fetched", "Body bytes the last pass received, decoded.", [([], Double(s.bytesFetched))])
        gauge("failures", "Failed feeds, entries, files and records of the last pass.", [([], Double(s.failures))])
        if let archiveBytes {
            gauge("archive_bytes", "The archive's size on disk.", [([], Double(archiveBytes))])
        }
        return out
    }

    /// Writes `text` to `path` atomically.
    func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try Data(text.utf8).write(to: partial)
        guard rename(partial.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(path): \(reason)"])
        }
    }

    private static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.6f", value)
    }
}
