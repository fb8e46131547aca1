import Foundation

/// A cluster's members on a small inline SVG time axis: one row a member, its source on
/// the left, a dot at the time it was published (or first seen, when it gives no date),
/// and how long after the first member it came.
struct ClusterTimeline {
    struct Point {
        var source: String
        var time: Date
        var isCanonical: Bool
    }

    var points: [Point]

    func svg() -> String {
        let labelWidth = 170, axis = 330, rowHeight = 18, top = 6
        let height = top + points.count * rowHeight + 22
        let first = points.map(\.time).min() ?? Date(timeIntervalSince1970: 0)
        let span = max((points.map(\.time).max() ?? first).timeIntervalSince(first), 1)
        var svg = "<svg class=\"timeline\" role=\"img\" width=\"\(labelWidth + axis + 90)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(labelWidth + axis + 90) \(height)\"><title>When each member appeared</title>"
        let axisY = top + points.count * rowHeight + 4
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(axisY)\" x2=\"\(labelWidth + axis)\" y2=\"\(axisY)\" stroke=\"#999\"/>"
        svg += "<text x=\"\(labelWidth)\" y=\"\(axisY + 14)\">\(HTML.escape(TimeFormat.day(first)))</text>"
        for (i, point) in points.enumerated() {
            let y = top + i * rowHeight + 12
            let x = labelWidth + Int(Double(axis) * point.time.timeIntervalSince(first) / span)
            let label = point.source.count > 26 ? String(point.source.prefix(25)) + "…" : point.source
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            svg += "<line x1=\"\(labelWidth)\" y1=\"\(y)\" x2=\"\(labelWidth + axis)\" y2=\"\(y)\" stroke=\"#eee\"/>"
            let fill = point.isCanonical ? BarChart.originalColour : BarChart.copyColour
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"5\" fill=\"\(fill)\"><title>\(HTML.escape(TimeFormat.day(point.time)))</title></circle>"
            svg += "<text x=\"\(x + 9)\" y=\"\(y + 4)\">\(Self.after(point.time.timeIntervalSince(first)))</text>"
        }
        return svg + "</svg>"
    }

    /// "first", "+45 min", "+3 h 05", "+2 d 4 h".
    static func after(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes <= 0 { return "first" }
        if minutes < 60 { return "+\(minutes) min" }
        if minutes < 48 * 60 { return String(format: "+%d h %02d", minutes / 60, minutes % 60) }
        return "+\(minutes / 1440) d \(minutes / 60 % 24) h"
    }
}
