import Forecasting
import Policy
import RatingsData

/// 80% coverage by horizon for `simulate backtest`: one line per model, a dashed reference
/// at the nominal 0.80. A well-calibrated 80% band sits on the reference at every horizon;
/// below it the band is too narrow, above it too wide.
public enum CoverageChart {
    static let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
    static let nominal = 0.8

    /// The chart: each model's coverage of its 80% band by horizon, against the nominal 80%.
    public static func svg(_ scores: [RollingOriginScore], caveat: String?) -> String {
        let rows = scores.filter { $0.measure == .coverage80 }
        var models: [String] = []
        for r in rows where !models.contains(r.model) { models.append(r.model) }
        let horizons = Set(rows.map(\.horizon)).sorted()
        let left = 70.0
        let top = 50.0
        let plotWidth = 420.0
        let plotHeight = 280.0
        let legendWidth = 220.0
        var doc = SVGDocument(width: left + plotWidth + legendWidth, height: top + plotHeight + 90)
        let x = LinearScale(
            domain: (Double(horizons.first ?? 1) - 0.25, Double(horizons.last ?? 1) + 0.25),
            range: (left, left + plotWidth))
        let y = LinearScale(domain: (0, 1), range: (top + plotHeight, top))
        doc.text(
            "80% coverage of the district score by horizon (rolling origin)", x: 10, y: 24, size: 14, weight: "bold")
        axes(&doc, x: x, y: y, horizons: horizons, left: left, top: top, plotWidth: plotWidth, plotHeight: plotHeight)
        doc.line(
            x1: left, y1: y(nominal), x2: left + plotWidth, y2: y(nominal), stroke: "#444444", width: 1.5, dash: "6 4")
        doc.text("nominal 0.80", x: left + plotWidth - 4, y: y(nominal) - 6, size: 10, anchor: .end, fill: "#444444")
        for (i, model) in models.enumerated() {
            let colour = palette[i % palette.count]
            let points = rows.filter { $0.model == model }.sorted { $0.horizon < $1.horizon }
            doc.polyline(points.map { (x(Double($0.horizon)), y($0.score)) }, stroke: colour)
            for p in points {
                doc.circle(
                    x: x(Double(p.horizon)), y: y(p.score), r: 4, fill: colour,
                    title:
                        "\(model), horizon \(p.horizon): coverage \(fixed(p.score, decimals: 3)) of \(p.n) district-years"
                )
            }
            let ly = top + 10 + Double(i) * 20
            doc.line(x1: left + plotWidth + 20, y1: ly, x2: left + plotWidth + 44, y2: ly, stroke: colour, width: 2)
            doc.text(model, x: left + plotWidth + 50, y: ly + 4, size: 11)
        }
        if models.isEmpty { doc.text("Nothing was scored.", x: left + 10, y: top + 20, size: 12) }
        if let caveat { doc.text(caveat, x: 10, y: top + plotHeight + 76, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "80% coverage by horizon",
            description:
                "Share of observed district scores inside each model's 10th–90th percentile band, by years after the cut; the dashed line is the nominal 0.80. "
                + (caveat ?? ""))
    }

    static func axes(
        _ doc: inout SVGDocument, x: LinearScale, y: LinearScale, horizons: [Int],
        left: Double, top: Double, plotWidth: Double, plotHeight: Double
    ) {
        let bottom = top + plotHeight
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444444")
        doc.line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: "#444444")
        for t in Axes.ticks(0, 1, count: 5) {
            doc.line(x1: left, y1: y(t), x2: left + plotWidth, y2: y(t), stroke: "#e5e5e5")
            doc.text(Axes.label(t), x: left - 6, y: y(t) + 4, size: 10, anchor: .end)
        }
        for h in horizons { doc.text(String(h), x: x(Double(h)), y: bottom + 16, size: 10, anchor: .middle) }
        doc.text("Horizon (years after the cut)", x: left + plotWidth / 2, y: bottom + 36, size: 11, anchor: .middle)
        doc.text("Coverage", x: 18, y: top + plotHeight / 2, size: 11, anchor: .middle, rotate: -90)
    }
}
