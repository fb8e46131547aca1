/// Counts as an inline SVG bar chart (no script, no fetch): one bar a label, each split into
/// originals (documents that opened a cluster or stand alone) and copies (those that
/// joined one), on a scale from zero to the largest bar.
struct BarChart {
    struct Bar {
        var label: String
        var originals: Int
        var copies: Int
        var total: Int { originals + copies }
    }

    var title: String
    var bars: [Bar]

    static let originalColour = "#2f6690", copyColour = "#f4a259"

    /// One row a bar, labels on the left: for many long labels (sources).
    func rows() -> String {
        let labelWidth = 230, barWidth = 300, rowHeight = 20, top = 8
        let height = top + bars.count * rowHeight + 8
        let scale = Double(barWidth) / Double(max(bars.map(\.total).max() ?? 1, 1))
        var svg = open(width: labelWidth + barWidth + 60, height: height)
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let label = bar.label.count > 36 ? String(bar.label.prefix(35)) + "…" : bar.label
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            let o = Double(bar.originals) * scale, c = Double(bar.copies) * scale
            svg += rect(x: Double(labelWidth), y: Double(y + 3), width: o, height: 14, fill: Self.originalColour)
            svg += rect(x: Double(labelWidth) + o, y: Double(y + 3), width: c, height: 14, fill: Self.copyColour)
            svg += "<text x=\"\(Int(Double(labelWidth) + o + c) + 5)\" y=\"\(y + 14)\">\(bar.total)</text>"
        }
        return svg + "</svg>"
    }

    /// One column a bar, in order, every few labelled underneath: for a time series (days).
    func columns() -> String {
        let columnWidth = bars.count > 40 ? 10 : 18, left = 36, plot = 120, top = 10
        let width = left + max(bars.count, 1) * columnWidth + 10, height = top + plot + 34
        let largest = max(bars.map(\.total).max() ?? 1, 1)
        let scale = Double(plot) / Double(largest)
        var svg = open(width: width, height: height)
        svg += "<text x=\"\(left - 4)\" y=\"\(top + 4)\" text-anchor=\"end\">\(largest)</text>"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + plot)\" text-anchor=\"end\">0</text>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plot)\" x2=\"\(width - 10)\" y2=\"\(top + plot)\" stroke=\"#999\"/>"
        // A label is five characters (MM-DD): about 34 pixels apart at least.
        let every = max(1, (bars.count + 7) / 8, (34 + columnWidth - 1) / columnWidth)
        for (i, bar) in bars.enumerated() {
            let x = Double(left + i * columnWidth + 1), w = Double(columnWidth - 2)
            let o = Double(bar.originals) * scale, c = Double(bar.copies) * scale
            svg += rect(x: x, y: Double(top + plot) - o, width: w, height: o, fill: Self.originalColour,
                        tip: "\(bar.label): originals \(bar.originals), copies \(bar.copies)")
            svg += rect(x: x, y: Double(top + plot) - o - c, width: w, height: c, fill: Self.copyColour)
            if i % every == 0 {
                svg += "<text x=\"\(Int(x))\" y=\"\(top + plot + 16)\">\(HTML.escape(bar.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    private func open(width: Int, height: Int) -> String {
        "<svg class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\"><title>\(HTML.escape(title))</title>"
    }

    private func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tip: String? = nil) -> String {
        guard width > 0, height > 0 else { return "" }
        let title = tip.map { "<title>\(HTML.escape($0))</title>" } ?? ""
        return String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\">", x, y, width, height, fill)
            + title + "</rect>"
    }
}
