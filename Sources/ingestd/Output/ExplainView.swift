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
    private let settings: DuplicateSettings

    enum CodingKeys: String, CodingKey { case a, b, verdict, reason, jaccard, containment, passages }

    init(a: DocumentDetail, b: DocumentDetail, evidence: DuplicateEvidence, settings: DuplicateSettings) {
        self.a = Side(document: a.id, title: a.title, cluster: a.cluster)
        self.b = Side(document: b.id, title: b.title, cluster: b.cluster)
        verdict = evidence.kind?.rawValue ?? "not duplicates"
        reason = evidence.reason
        jaccard = evidence.jaccard
        containment = evidence.containment
        passages = evidence.passages
        self.settings = settings
    }

    /// Each shared passage in its context in both texts; highlighted in colour on a terminal,
    /// else marked with [brackets].
    func text(_ textA: AnalyzedText, _ textB: AnalyzedText, highlight: Bool) -> String {
        let (open, close) = highlight ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[", "]")
        var lines = [
            "#\(a.document) \(a.title ?? "(untitled)")  (cluster \(a.cluster))",
            "#\(b.document) \(b.title ?? "(untitled)")  (cluster \(b.cluster))",
            "verdict: \(verdict), because \(reason)",
            String(format: "Jaccard %.3f (syndicated at ≥ %.2f), containment %.3f (syndicated at ≥ %.2f)",
                   jaccard, settings.syndicatedJaccard, containment, settings.syndicatedContainment),
            "shared runs of ≥ \(settings.passageMinWords) words: \(passages.count); wire evidence: \(passages.filter(\.isWireEvidence).count) (needs \(settings.passageMinCount))",
        ]
        for (i, p) in passages.enumerated() {
            let why = !p.isWireEvidence ? (p.quoted ? "a quotation" : "common across the archive")
                : p.slotBounded ? "wire evidence, but it stops at differing numbers or names" : "wire evidence"
            lines.append("")
            lines.append("passage \(i + 1): \(p.words) words, \(why)")
            for (label, text, start) in [("A", textA, p.startA), ("B", textB, p.startB)] {
                let e = text.excerpt(start..<(start + p.words), context: 8)
                let line = "…\(e.before)\(open)\(e.match)\(close)\(e.after)…".replacingOccurrences(of: "\n", with: " ")
                lines.append("  \(label): \(line)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
