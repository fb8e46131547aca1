import Archive
import Foundation
import Normalizer

/// One cluster as the HTML report shows it: a summary, a timeline of its members, a table
/// of them, and each member beside the document it was matched to: shared passages marked
/// in both texts, or for a syndicated copy the words the republisher cut and added.
///
/// Guarantees: every text and title is escaped (see `HTML`); a stored passage that does not
/// fit the text as archived now (after a renormalize) is left unmarked, never misplaced.
struct ReportCluster {
    let view: ClusterView
    /// Member texts, and those of documents they were matched to, by document id.
    let texts: [Int64: AnalyzedText]
    let titles: [Int64: String?]

    /// `view` with the texts of its members and of the documents they were matched to.
    /// Members shown beside their match, at most: a story copied a thousand times would
    /// otherwise repeat its text a thousand times. The table lists them all.
    static let maxPairs = 12

    static func load(_ view: ClusterView, from snapshot: any ClusterReader) throws -> ReportCluster {
        var texts: [Int64: AnalyzedText] = [:], titles: [Int64: String?] = [:]
        for m in view.members { titles[m.document] = m.title }
        for m in view.members.filter({ $0.evidence != nil }).prefix(maxPairs) {
            for id in [m.document] + (m.evidence.map { [$0.relatedTo] } ?? []) where texts[id] == nil {
                texts[id] = (try? snapshot.text(ofDocument: id)).map { AnalyzedText($0, shingleWords: 1) }
            }
        }
        return ReportCluster(view: view, texts: texts, titles: titles)
    }

    /// A source as a person reads it: a URL's host and last path part (two feeds of one
    /// site stay apart), a file's name.
    static func sourceLabel(_ source: String?) -> String {
        guard let source else { return "(unknown)" }
        guard let url = URL(string: source), let host = url.host, !host.isEmpty else { return URL(fileURLWithPath: source).lastPathComponent }
        let parts = url.pathComponents.filter { $0 != "/" }
        return host + (parts.count > 1 ? "/…/" : "/") + (parts.last ?? "")
    }

    func html() -> String {
        let c = view.cluster
        var out = "<section class=\"cluster\" id=\"cluster-\(c.id)\" data-cluster=\"\(c.id)\">"
        out += "<h2>Cluster \(c.id): \(HTML.escape(c.title ?? "(untitled)"))</h2>"
        out += "<p class=\"meta\">\(c.size) documents from \(c.sources) sources · \(HTML.escape(c.relations.joined(separator: ", ")))"
            + " · first seen \(TimeFormat.day(c.firstSeen))</p>"
        out += ClusterTimeline(points: view.members.map {
            .init(source: Self.sourceLabel($0.sources.first), time: $0.published ?? $0.firstSeen, isCanonical: $0.evidence == nil)
        }).svg()
        out += "<table class=\"members\"><tr><th>#</th><th>relation</th><th>source</th><th>time</th><th>title</th></tr>"
        for m in view.members {
            let time = m.published.map { TimeFormat.day($0) } ?? "seen " + TimeFormat.day(m.firstSeen)
            let title = m.urls.first.map { HTML.link($0, text: m.title ?? $0) } ?? HTML.escape(m.title ?? "(untitled)")
            out += "<tr class=\"member\" data-document=\"\(m.document)\"><td>\(m.document)</td><td>\(HTML.escape(m.relation))</td>"
                + "<td>\(HTML.escape(Self.sourceLabel(m.sources.first)))</td><td>\(time)</td><td>\(title)</td></tr>"
        }
        out += "</table>"
        let matched = view.members.filter { $0.evidence != nil }
        for m in matched.prefix(Self.maxPairs) { out += pair(m, m.evidence!) }
        if matched.count > Self.maxPairs {
            out += "<p class=\"note\">\(matched.count - Self.maxPairs) more members are in the table above; "
                + "`ingestd clusters explain` compares any two.</p>"
        }
        return out + "</section>"
    }

    /// A member beside the document its evidence names.
    private func pair(_ m: ClusterView.Member, _ e: ClusterView.Evidence) -> String {
        var out = "<div class=\"pair\" data-relation=\"\(HTML.escape(e.kind))\">"
        out += String(format: "<h3>#%lld %@ to #%lld <span class=\"figures\">Jaccard %.3f · containment %.3f</span></h3>",
                      m.document, HTML.escape(e.kind), e.relatedTo, e.jaccard, e.containment)
        guard let copy = texts[m.document], let original = texts[e.relatedTo] else {
            return out + "<p class=\"note\">the texts are not in the archive</p></div>"
        }
        if e.kind == DuplicateKind.exact.rawValue {
            return out + "<p class=\"note\">The same text as #\(e.relatedTo), word for word.</p></div>"
        }
        let left: MarkedText, right: MarkedText
        if e.kind == DuplicateKind.syndicated.rawValue,
           let changes = CopyChanges(original: original, copy: copy, titles: (titles[e.relatedTo] ?? nil, m.title)) {
            let (kept, cut, added) = changes.counts
            out += "<p class=\"changes\">What the republisher changed: kept \(kept) of \(original.tokens.count) words, "
                + "<del>cut \(cut)</del>, <ins>added \(added)</ins>.</p>"
            if let headline = changes.headline {
                out += "<p class=\"changes\">Headline: <del>\(HTML.escape(headline.original))</del> "
                    + "<ins>\(HTML.escape(headline.copy))</ins></p>"
            }
            (left, right) = changes.columns()
        } else {
            let fitting = e.passages.filter { p in
                p.words > 0 && p.startA + p.words <= copy.tokens.count && p.startB + p.words <= original.tokens.count
            }
            let wire = fitting.filter(\.isWireEvidence).count
            out += "<p class=\"changes\">\(fitting.count) shared passages marked, \(wire) of them wire evidence "
                + "(distinctive, not quotations).</p>"
            left = MarkedText(original, marks: MarkedText.passageMarks(fitting, inA: false))
            right = MarkedText(copy, marks: MarkedText.passageMarks(fitting, inA: true))
        }
        out += "<div class=\"columns\">"
        for (id, text) in [(e.relatedTo, left), (m.document, right)] {
            let title = titles[id].flatMap { $0 } ?? "(untitled)"
            out += "<div class=\"column\"><h4>#\(id) \(HTML.escape(title))</h4><div class=\"text\">\(HTML.marked(text))</div></div>"
        }
        return out + "</div></div>"
    }
}
