import Archive
import Normalizer

/// The comparison of two documents as shown to a person or written as JSON.
struct ExplainView: Encodable {
    struct Side: Encodable {
        var document: Int64
        var title: String?
        var cluster: Int64
    }

    var a: Side
    var b: Side
    var verdict: String
    var reason: String
    var jaccard: Double
    var containment: Double
    var passages: [SharedPassage]
    /// For a syndicated pair, what B changed from A.
    var changes: Changes?
    private let copyChanges: CopyChanges?
    private let textA: AnalyzedText, textB: AnalyzedText
    private let settings: DuplicateSettings

    /// A copy's changes as JSON: counts, the headline when it changed, and each cut or added
    /// run with its place (a word offset in A or in B) and words.
    struct Changes: Encodable {
        struct Edit: Encodable {
            var kind: WordDiff.Kind
            var start: Int
            var words: Int
            var text: String
        }

        var kept: Int, cut: Int, added: Int
        var headline: [String: String]?
        var edits: [Edit]
    }

    enum CodingKeys: String, CodingKey { case a, b, verdict, reason, jaccard, containment, passages, changes }

    init(a: DocumentDetail, b: DocumentDetail, textA: AnalyzedText, textB: AnalyzedText, evidence: DuplicateEvidence,
         settings: DuplicateSettings) {
        self.a = Side(document: a.id, title: a.title, cluster: a.cluster)
        self.b = Side(document: b.id, title: b.title, cluster: b.cluster)
        verdict = evidence.kind?.rawValue ?? "not duplicates"
        reason = evidence.reason
        jaccard = evidence.jaccard
        containment = evidence.containment
        passages = evidence.passages
        self.settings = settings
        (self.textA, self.textB) = (textA, textB)
        copyChanges = evidence.kind == .syndicated ? CopyChanges(original: textA, copy: textB, titles: (a.title, b.title)) : nil
        changes = copyChanges.map { c in
            let (kept, cut, added) = c.counts
            return Changes(kept: kept, cut: cut, added: added, headline: c.headline.map { ["original": $0.original, "copy": $0.copy] },
                           edits: c.diff.runs.compactMap { run in
                               switch run.kind {
                               case .same: nil
                               case .cut: Changes.Edit(kind: .cut, start: run.original.lowerBound, words: run.original.count,
                                                       text: textA.excerpt(run.original))
                               case .added: Changes.Edit(kind: .added, start: run.copy.lowerBound, words: run.copy.count,
                                                         text: textB.excerpt(run.copy))
                               }
                           })
        }
    }

    /// Each shared passage in its context in both texts, side by side when `width` allows
    /// (else one above the other); for a syndicated pair, what the copy changed. Marks are
    /// colours when `colour`, else brackets.
    func text(colour: Bool, width: Int?) -> String {
        var lines = [
            "#\(a.document) \(a.title ?? "(untitled)")  (cluster \(a.cluster))",
            "#\(b.document) \(b.title ?? "(untitled)")  (cluster \(b.cluster))",
            "verdict: \(verdict), because \(reason)",
            String(format: "Jaccard %.3f (syndicated at ≥ %.2f), containment %.3f (syndicated at ≥ %.2f)",
                   jaccard, settings.syndicatedJaccard, containment, settings.syndicatedContainment),
            "shared runs of ≥ \(settings.passageMinWords) words: \(passages.count); wire evidence: \(passages.filter(\.isWireEvidence).count) (needs \(settings.passageMinCount))",
        ]
        if let changes = copyChanges {
            // A copy's shared runs are most of both texts: what it changed says more.
            lines.append("")
            lines.append("what #\(b.document) changed from #\(a.document): " + changes.lines(colour: colour).joined(separator: "\n"))
            return lines.joined(separator: "\n")
        }
        let sideBySide = (width ?? 0) >= Columns.minimumWidth
        for (i, p) in passages.enumerated() {
            let why = !p.isWireEvidence ? (p.quoted ? "a quotation" : "common across the archive")
                : p.slotBounded ? "wire evidence, but it stops at differing numbers or names" : "wire evidence"
            lines.append("")
            lines.append("passage \(i + 1): \(p.words) words, \(why)")
            let excerpts = [(textA, p.startA), (textB, p.startB)].map { text, start in
                MarkedText(text, shown: start - 8 ..< start + p.words + 8, marks: [(start ..< start + p.words, .passage(i))])
            }
            if sideBySide {
                let header = MarkedText(segments: [.init(text: "#\(a.document)", mark: .plain)])
                lines += Columns.render(header, MarkedText(segments: [.init(text: "#\(b.document)", mark: .plain)]), width: width!, colour: false)
                lines += Columns.render(excerpts[0], excerpts[1], width: width!, colour: colour)
            } else {
                for (label, e) in zip(["A", "B"], excerpts) { lines.append("  \(label): …\(e.flattened.rendered(colour: colour))…") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
