import Archive
import Foundation
import Normalizer

/// A cluster as shown to a person or written as JSON: summary, members, and for each
/// member the relation that placed it, with the shared passages decoded.
struct ClusterView: Encodable {
    struct Member: Encodable {
        var document: Int64
        var title: String?
        var relation: String
        var firstSeen: Date
        var published: Date?
        var sources: [String]
        var urls: [String]
        var evidence: Evidence?
    }

    struct Evidence: Encodable {
        var relatedTo: Int64
        var kind: String
        var jaccard: Double
        var containment: Double
        var passages: [SharedPassage]
    }

    var cluster: ClusterSummary
    var members: [Member]

    init(_ summary: ClusterSummary, members: [ClusterMember]) {
        cluster = summary
        self.members = members.map { m in
            Member(document: m.documentID, title: m.title, relation: m.relation, firstSeen: m.firstSeen,
                   published: m.published, sources: m.sources, urls: m.urls,
                   evidence: m.evidence.map { e in
                       Evidence(relatedTo: e.otherID, kind: e.kind, jaccard: e.jaccard, containment: e.containment,
                                passages: (try? JSONDecoder().decode([SharedPassage].self, from: Data(e.passagesJSON.utf8))) ?? [])
                   })
        }
    }

    /// The human-readable form: one block per member, passages quoted beneath.
    func text(showPassages: Bool = true) -> String {
        var lines = ["cluster \(cluster.id): \(cluster.size) documents from \(cluster.sources) sources — \(cluster.title ?? "(untitled)")"]
        for m in members {
            let date = m.published.map { "published " + TimeFormat.day($0) } ?? "seen " + TimeFormat.day(m.firstSeen)
            lines.append("  #\(m.document)  \(m.relation)  \(date)  \(m.title ?? "(untitled)")")
            lines.append("      via \(m.sources.joined(separator: ", "))")
            for url in m.urls { lines.append("      \(url)") }
            guard let e = m.evidence else { continue }
            lines.append(String(format: "      %@ to #%lld: Jaccard %.3f, containment %.3f", e.kind, e.relatedTo, e.jaccard, e.containment))
            if e.kind == "syndicated", let longest = e.passages.map(\.words).max() {
                lines.append("      \(e.passages.count) shared runs, the longest \(longest) words")
            } else if showPassages {
                for p in e.passages where p.isWireEvidence {
                    lines.append("      ▸ \(p.words) words: “\(p.text.replacingOccurrences(of: "\n", with: " "))”")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
