import Forecasting
import Policy
import RatingsData

/// The paper's figures as SVG: the Figure 1/3 heatmap, the Figure 4 quadrants and the
/// Figure 5 recent-progress bars.
public enum PanelCharts {
    /// Districts × components, latest scores, coloured by the framework's rating colours.
    public static func heatmap(_ d: PanelDescription, framework: Framework, caveat: String?) -> String {
        let rows = d.districts.sorted { $0.districtScore > $1.districtScore }
        let cell = 22.0
        let labelWidth = 170.0
        let top = 100.0
        let width = labelWidth + Double(framework.components.count) * 70 + 60
        var doc = SVGDocument(width: width, height: top + Double(rows.count) * cell + 80)
        doc.text("Latest component scores (Figure 1)", x: 10, y: 24, size: 15, weight: "bold")
        for (k, c) in framework.components.enumerated() {
            doc.text(c.shortName, x: labelWidth + Double(k) * 70 + 35, y: top - 10, size: 11, anchor: .middle)
        }
        for (i, s) in rows.enumerated() {
            let yy = top + Double(i) * cell
            doc.text(s.district.name, x: labelWidth - 8, y: yy + 15, size: 11, anchor: .end)
            for (k, score) in s.componentScores.enumerated() {
                let level = framework.rating(for: score)
                doc.rect(
                    x: labelWidth + Double(k) * 70 + 2, y: yy + 1, width: 66, height: cell - 2, fill: level.colour,
                    title:
                        "\(s.district.name), \(framework.components[k].shortName): \(fixed(score, decimals: 2)) (\(level.label))"
                )
                doc.text(
                    fixed(score, decimals: 2), x: labelWidth + Double(k) * 70 + 35, y: yy + 15, size: 10,
                    anchor: .middle)
            }
        }
        var legendX = 10.0
        let legendY = top + Double(rows.count) * cell + 20
        let spacing = (width - 20) / Double(max(1, framework.levels.count))
        for level in framework.levels.reversed() {
            doc.rect(x: legendX, y: legendY, width: 14, height: 14, fill: level.colour)
            doc.text("\(level.value) \(level.label)", x: legendX + 18, y: legendY + 11, size: 9)
            legendX += spacing
        }
        if let caveat { doc.text(caveat, x: 10, y: legendY + 40, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Latest component scores by district",
            description:
                "Heatmap of each district's latest component scores, strongest district first, coloured by the rating each score rounds to. "
                + (caveat ?? ""))
    }

    /// District score against spread with the two cut-offs (Figure 4).
    public static func quadrants(_ d: PanelDescription, framework: Framework, caveat: String?) -> String {
        var doc = SVGDocument(width: 680, height: 480)
        let left = 70.0
        let right = 650.0
        let top = 50.0
        let bottom = 400.0
        let scores = d.districts.map(\.districtScore)
        let spreads = d.districts.map(\.spread)
        let x = LinearScale(
            domain: (
                min(scores.min()!, d.cutoffs.strongAtLeast) - 0.2, max(scores.max()!, d.cutoffs.strongAtLeast) + 0.2
            ), range: (left, right))
        let y = LinearScale(domain: (0, max(spreads.max()!, d.cutoffs.piecemealAbove) * 1.1), range: (bottom, top))
        for t in Axes.ticks(x.domain.0, x.domain.1) {
            doc.text(Axes.label(t), x: x(t), y: bottom + 18, size: 11, anchor: .middle)
        }
        for t in Axes.ticks(y.domain.0, y.domain.1) {
            doc.text(Axes.label(t), x: left - 8, y: y(t) + 4, size: 11, anchor: .end)
        }
        doc.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#444444")
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444444")
        doc.line(
            x1: x(d.cutoffs.strongAtLeast), y1: top, x2: x(d.cutoffs.strongAtLeast), y2: bottom, stroke: "#888888",
            dash: "6 4")
        doc.line(
            x1: left, y1: y(d.cutoffs.piecemealAbove), x2: right, y2: y(d.cutoffs.piecemealAbove), stroke: "#888888",
            dash: "6 4")
        doc.text("District score (latest)", x: (left + right) / 2, y: bottom + 38, size: 12, anchor: .middle)
        doc.text(
            "Spread (variance of element scores)", x: 18, y: (top + bottom) / 2, size: 12, anchor: .middle, rotate: -90)
        doc.text("weak & piecemeal", x: left + 6, y: top + 14, size: 11, fill: "#777777")
        doc.text("strong & piecemeal", x: right - 6, y: top + 14, size: 11, anchor: .end, fill: "#777777")
        doc.text("weak & consistent", x: left + 6, y: bottom - 8, size: 11, fill: "#777777")
        doc.text("strong & consistent", x: right - 6, y: bottom - 8, size: 11, anchor: .end, fill: "#777777")
        for s in d.districts {
            let colour = s.advanced ? (framework.levels.last?.colour ?? "#1a9850") : "#555555"
            doc.circle(
                x: x(s.districtScore), y: y(s.spread), r: 4, fill: colour,
                title:
                    "\(s.district.name): score \(fixed(s.districtScore, decimals: 2)), spread \(fixed(s.spread, decimals: 2))"
            )
            doc.text(s.district.name, x: x(s.districtScore) + 6, y: y(s.spread) + 4, size: 9)
        }
        doc.text(
            "Quadrants (Figure 4): strong ≥ \(Axes.label(d.cutoffs.strongAtLeast)), piecemeal > \(Axes.label(d.cutoffs.piecemealAbove))",
            x: left, y: 28, size: 15, weight: "bold")
        if let caveat { doc.text(caveat, x: left, y: 468, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Consistent versus piecemeal implementation",
            description:
                "Each district's latest district score against the spread of its element scores; green points are advanced. "
                + (caveat ?? ""))
    }

    /// Recent progress bars (Figure 5).
    public static func recentProgress(_ d: PanelDescription, caveat: String?) -> String {
        let rows = d.districts.sorted { $0.recentProgress > $1.recentProgress }
        let bar = 18.0
        let labelWidth = 170.0
        let top = 50.0
        let plotWidth = 420.0
        var doc = SVGDocument(width: labelWidth + plotWidth + 80, height: top + Double(rows.count) * bar + 70)
        let values = rows.map(\.recentProgress)
        let x = LinearScale(
            domain: (min(0, values.min()!), max(0, values.max()!)), range: (labelWidth, labelWidth + plotWidth))
        doc.text(
            "Recent progress (Figure 5): latest district score − mean over all snapshots", x: 10, y: 24, size: 14,
            weight: "bold")
        for (i, s) in rows.enumerated() {
            let yy = top + Double(i) * bar
            doc.text(s.district.name, x: labelWidth - 8, y: yy + 13, size: 11, anchor: .end)
            let x0 = x(0)
            let x1 = x(s.recentProgress)
            doc.rect(
                x: min(x0, x1), y: yy + 2, width: abs(x1 - x0), height: bar - 4,
                fill: s.recentProgress >= 0 ? "#1a9850" : "#d7301f",
                title: "\(s.district.name): \(fixed(s.recentProgress, decimals: 3))")
            doc.text(fixed(s.recentProgress, decimals: 2), x: max(x0, x1) + 4, y: yy + 13, size: 10)
        }
        doc.line(x1: x(0), y1: top, x2: x(0), y2: top + Double(rows.count) * bar, stroke: "#444444")
        let axisY = top + Double(rows.count) * bar + 16
        for t in Axes.ticks(x.domain.0, x.domain.1, count: 4) {
            doc.text(Axes.label(t), x: x(t), y: axisY, size: 10, anchor: .middle)
        }
        doc.text(
            "Change in district score (points)", x: labelWidth + plotWidth / 2, y: axisY + 18, size: 12, anchor: .middle
        )
        if let caveat { doc.text(caveat, x: 10, y: axisY + 40, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Recent progress by district",
            description: "Bars: latest district score minus the district's mean over all its snapshots. "
                + (caveat ?? ""))
    }
}
