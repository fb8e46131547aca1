import Archive
import Foundation
import Normalizer

/// A cluster as shown to a person or written as JSON: summary, members, and for each
/// member the relation that placed it, with the shared passages decoded. Stored evidence
/// gives each passage's place and length; its words are read from the member's text.
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

    /// `text` gives a member's text, for passages stored without their words.
    init(_ summary: ClusterSummary, members: [ClusterMember], text: (Int64) -> String?) {
        cluster = summary
        self.members = members.map { m in
            Member(document: m.documentID, title: m.title, relation: m.relation, firstSeen: m.firstSeen,
                   published: m.published, sources: m.sources, urls: m.urls,
                   evidence: m.evidence.map { e in
                       Evidence(relatedTo: e.otherID, kind: e.kind, jaccard: e.jaccard, containment: e.containment,
                                passages: Self.passages(e.passagesJSON, of: m.documentID, text: text))
                   })
        }
    }

    /// The cluster `summary` with its members, as the archive holds them.
    static func load(_ summary: ClusterSummary, from snapshot: any ClusterReader) throws -> ClusterView {
        ClusterView(summary, members: try snapshot.clusterMembers(summary.id)) { try? snapshot.text(ofDocument: $0) }
    }

    /// The stored passages; the wire passages with their words (taken from the member's own
    /// text, where the run starts at `startA`, when the evidence kept only its place). Other
    /// runs, such as a syndicated copy's, are given by place and length only.
    private static func passages(_ json: String, of document: Int64, text: (Int64) -> String?) -> [SharedPassage] {
        let stored = (try? JSONDecoder().decode([SharedPassage].self, from: Data(json.utf8))) ?? []
        guard stored.contains(where: { $0.text.isEmpty && $0.isWireEvidence }), let own = text(document) else { return stored }
        let analyzed = AnalyzedText(own, shingleWords: 1)
        return stored.map { p in
            var p = p
            if p.text.isEmpty, p.isWireEvidence, p.words > 0, p.startA + p.words <= analyzed.tokens.count {
                p.text = analyzed.excerpt(p.startA ..< p.startA + p.words)
            }
            return p
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
