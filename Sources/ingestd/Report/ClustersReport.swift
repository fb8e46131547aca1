import Archive
import Foundation
import Timestamps

/// The `clusters report` page: one self-contained HTML file (styles inline, charts as inline
/// SVG, no script) that opens from disk and fetches nothing, which a Content-Security-Policy
/// of `default-src 'none'` enforces. It holds the archive's counts, documents per source
/// and per day, then the clusters newest first, each with its members side by side.
struct ClustersReport {
    var archive: String
    var generated: Date
    var since: Date?
    var clusters: [ReportCluster]
    var counts: DocumentCounts

    /// Documents per source and per day, split into originals and copies.
    struct DocumentCounts {
        var perSource: [String: BarChart.Bar] = [:]
        var perDay: [String: BarChart.Bar] = [:]
        var documents = 0
        var copies = 0

        /// Sources beyond the largest `maxSources` are summed as one bar; days before the
        /// last `maxDays` with documents are left off the chart.
        static let maxSources = 15, maxDays = 90

        mutating func add(_ counted: DocumentCount) {
            documents += counted.count
            if !counted.isOriginal { copies += counted.count }
            for (key, path) in [(ReportCluster.sourceLabel(counted.source), \DocumentCounts.perSource), (counted.day, \DocumentCounts.perDay)] {
                var bar = self[keyPath: path][key] ?? BarChart.Bar(label: key, originals: 0, copies: 0)
                if counted.isOriginal { bar.originals += counted.count } else { bar.copies += counted.count }
                self[keyPath: path][key] = bar
            }
        }

        var sourceChart: BarChart {
            var bars = perSource.values.sorted { ($0.total, $1.label) > ($1.total, $0.label) }
            if bars.count > Self.maxSources {
                let rest = bars[(Self.maxSources - 1)...]
                bars = Array(bars.prefix(Self.maxSources - 1)) + [BarChart.Bar(
                    label: "\(rest.count) other sources", originals: rest.map(\.originals).reduce(0, +), copies: rest.map(\.copies).reduce(0, +))]
            }
            return BarChart(title: "Documents per source", bars: bars)
        }

        var dayChart: BarChart {
            BarChart(title: "Documents per day", bars: perDay.values.sorted { $0.label < $1.label }.suffix(Self.maxDays).map {
                var bar = $0
                bar.label = String(bar.label.dropFirst(5))  // MM-DD
                return bar
            })
        }
    }

    func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ingestd clusters report</title><style>\(Self.style)</style></head><body>
            <header><h1>Duplicate clusters</h1>
            """
        let window = since.map { " since " + TimeFormat.day($0) } ?? ""
        out += "<p class=\"meta\">\(HTML.escape(archive))\(window) · generated \(TimeFormat.day(generated)) · "
            + "\(counts.documents) documents, \(counts.copies) of them copies or rewrites · \(clusters.count) clusters shown</p>"
        out += "<p class=\"legend\"><span class=\"swatch\" style=\"background:\(BarChart.originalColour)\"></span> originals "
            + "<span class=\"swatch\" style=\"background:\(BarChart.copyColour)\"></span> copies, rewrites and republished texts "
            + "· <mark class=\"p0\">shared passage</mark> <del>cut by the republisher</del> <ins>added by the republisher</ins></p>"
        out += "</header><div class=\"charts\"><figure><figcaption>Documents per source</figcaption>\(counts.sourceChart.rows())</figure>"
            + "<figure><figcaption>Documents per day</figcaption>\(counts.dayChart.columns())</figure></div>"
        if clusters.isEmpty {
            out += "<p class=\"note\">No clusters with two or more documents\(window).</p>"
        } else {
            out += "<nav><h2>Clusters, newest first</h2><ol>" + clusters.map { c in
                let s = c.view.cluster
                return "<li><a href=\"#cluster-\(s.id)\">\(HTML.escape(s.title ?? "(untitled)"))</a> "
                    + "<span class=\"meta\">\(s.size) documents · \(TimeFormat.day(s.firstSeen))</span></li>"
            }.joined() + "</ol></nav>"
        }
        out += clusters.map { $0.html() }.joined()
        return out + "</body></html>\n"
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1240px;padding:16px 24px;color:#1d2731;background:#fff}
        h1{margin:0 0 4px;font-size:26px}h2{font-size:20px;margin:0 0 4px}h3{font-size:15px;margin:14px 0 6px}h4{font-size:14px;margin:0 0 6px}
        .meta,.figures,.note{color:#5b6770;font-size:13px}.figures{font-weight:normal;margin-left:8px}
        .legend{font-size:13px}.swatch{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin-left:6px}
        .charts{display:flex;flex-wrap:wrap;gap:24px;margin:12px 0;padding:12px;background:#f6f8f9;border-radius:8px}
        figure{margin:0}figcaption{font-weight:600;font-size:13px;margin-bottom:4px}
        svg text{font:11px system-ui,sans-serif;fill:#333}
        nav ol{columns:2;font-size:14px}
        .cluster{border-top:3px solid #2f6690;margin-top:28px;padding-top:12px}
        table.members{border-collapse:collapse;font-size:13px;margin:8px 0}table.members td,table.members th{padding:3px 10px;border-bottom:1px solid #e3e7ea;text-align:left}
        .pair{margin:10px 0 18px;padding:10px 12px;border:1px solid #e3e7ea;border-radius:8px}
        .changes{font-size:13px;margin:4px 0}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:16px}
        .text{white-space:pre-wrap;font-size:13.5px;max-height:24em;overflow:auto;padding:8px;background:#fbfbfb;border:1px solid #eee;border-radius:6px}
        mark{border-radius:3px;padding:0 1px}mark.p0{background:#ffe08a}mark.p1{background:#b8e6c1}mark.p2{background:#bcd7f5}
        mark.p3{background:#f5c6e3}mark.p4{background:#d9c8f5}mark.p5{background:#f9cfa9}
        del{background:#fbd3d0;color:#8a1c12}ins{background:#cdeccf;color:#14532d;text-decoration:none}
        .elided{display:block;color:#5b6770;font-style:italic;margin:4px 0}
        a{color:#1f5b8a}
        """
}
