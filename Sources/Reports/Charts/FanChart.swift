import Forecasting
import Policy
import RatingsData

/// A district's fan chart: observed district scores, the projected median and 10–90% band,
/// the in-progress threshold, and the median year it becomes advanced.
public enum FanChart {
    public static func svg(
        _ p: DistrictProjection, observed: [(year: Int, score: Double)], framework: Framework,
        scenario: String
    ) -> String {
        var doc = SVGDocument(width: 640, height: 360)
        let left = 60.0
        let right = 620.0
        let top = 40.0
        let bottom = 300.0
        let firstYear = observed.first?.year ?? p.latestYear
        let lastYear = max(p.years.last ?? p.latestYear, firstYear + 1)
        let x = LinearScale(domain: (Double(firstYear), Double(lastYear)), range: (left, right))
        let lo = Double(framework.minimumScore)
        let hi = Double(framework.maximumScore)
        let y = LinearScale(domain: (lo, hi), range: (bottom, top))
        let ink = framework.levels.last?.colour ?? "#1a9850"
        // Grid and axes.
        for t in Axes.ticks(lo, hi, count: Int(hi - lo)) {
            doc.line(x1: left, y1: y(t), x2: right, y2: y(t), stroke: "#e5e5e5")
            doc.text(Axes.label(t), x: left - 8, y: y(t) + 4, size: 11, anchor: .end)
        }
        for year in Axes.ticks(Double(firstYear), Double(lastYear), count: 8) where year == year.rounded() {
            doc.line(x1: x(year), y1: bottom, x2: x(year), y2: bottom + 5, stroke: "#444444")
            doc.text(String(Int(year)), x: x(year), y: bottom + 18, size: 11, anchor: .middle)
        }
        doc.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#444444")
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444444")
        doc.text("Year", x: (left + right) / 2, y: bottom + 36, size: 12, anchor: .middle)
        doc.text("District score", x: 16, y: (top + bottom) / 2, size: 12, anchor: .middle, rotate: -90)
        // Threshold.
        doc.line(
            x1: left, y1: y(framework.inProgressThreshold), x2: right, y2: y(framework.inProgressThreshold),
            stroke: "#888888", dash: "6 4")
        doc.text(
            "in progress (\(Axes.label(framework.inProgressThreshold)))", x: right - 4,
            y: y(framework.inProgressThreshold) - 6,
            size: 10, anchor: .end, fill: "#666666")
        // Band and median, joined to the last observation.
        let measure = p.summaries.first.map { $0.count - 1 } ?? 0  // the district score is the last measure
        let anchor = (Double(p.latestYear), p.currentScore)
        if !p.years.isEmpty {
            let upper = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p90) }
            let lower = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p10) }
            doc.polygon((upper + lower.reversed()).map { (x($0.0), y($0.1)) }, fill: ink, opacity: 0.18)
            let median = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p50) }
            doc.polyline(median.map { (x($0.0), y($0.1)) }, stroke: ink, width: 2.5)
        }
        doc.polyline(observed.map { (x(Double($0.year)), y($0.score)) }, stroke: "#333333", width: 1.5)
        for o in observed {
            doc.circle(
                x: x(Double(o.year)), y: y(o.score), r: 3.5, fill: "#333333",
                title: "\(o.year): \(fixed(o.score, decimals: 2)) (observed)")
        }
        if let year = p.advancedYearQuantile(0.5) {
            doc.line(
                x1: x(Double(year)), y1: top, x2: x(Double(year)), y2: bottom, stroke: "#d95f02", width: 1.5,
                dash: "3 3")
            doc.text(
                p.advancedNow && year == p.latestYear ? "advanced now" : "advanced (median): \(year)",
                x: x(Double(year)) + 4, y: top + 12, size: 11, fill: "#d95f02")
        }
        doc.text("\(p.district.name) — \(scenario)", x: left, y: 24, size: 15, weight: "bold")
        let caption =
            "Fan chart of \(p.district.name)'s district score under \(scenario): dots observed, line the median of the projection, band its 10–90% range; dashed line the in-progress threshold; orange line the median year it becomes advanced. P(advanced by \(p.years.last ?? p.latestYear)) = \(fixed(p.pAdvancedByHorizon, decimals: 2))."
        doc.text(
            "Dots: observed. Line: median. Band: 10–90% of draws. P(advanced by \(p.years.last ?? p.latestYear)) = \(fixed(p.pAdvancedByHorizon, decimals: 2)).",
            x: left, y: 350, size: 10, fill: "#555555")
        return doc.rendered(title: "\(p.district.name): projected district score", description: caption)
    }
}
