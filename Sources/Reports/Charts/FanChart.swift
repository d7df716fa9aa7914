import Forecasting
import Policy
import RatingsData

/// A district's fan chart: observed district scores, the projected median and 10–90% band,
/// the in-progress threshold, and the median year it becomes advanced.
public enum FanChart {
    /// The chart of one district's projection, `observed` its observed district scores by year.
    public static func svg(
        _ p: DistrictProjection, observed: [(year: Int, score: Double)], framework: Framework,
        scenario: String
    ) -> String {
        let firstYear = observed.first?.year ?? p.latestYear
        let lastYear = max(p.years.last ?? p.latestYear, firstYear + 1)
        let frame = Frame(
            x: LinearScale(domain: (Double(firstYear), Double(lastYear)), range: (Frame.left, Frame.right)),
            y: LinearScale(
                domain: (Double(framework.minimumScore), Double(framework.maximumScore)),
                range: (Frame.bottom, Frame.top)))
        var doc = SVGDocument(width: 640, height: 360)
        axes(&doc, frame, framework: framework, years: (firstYear, lastYear))
        band(&doc, frame, p, ink: framework.levels.last?.colour ?? "#1a9850")
        doc.polyline(observed.map { (frame.x(Double($0.year)), frame.y($0.score)) }, stroke: "#333333", width: 1.5)
        for o in observed {
            doc.circle(
                x: frame.x(Double(o.year)), y: frame.y(o.score), r: 3.5, fill: "#333333",
                title: "\(o.year): \(fixed(o.score, decimals: 2)) (observed)")
        }
        advancedMarker(&doc, frame, p)
        doc.text("\(p.district.name) — \(scenario)", x: Frame.left, y: 24, size: 15, weight: "bold")
        let caption =
            "Fan chart of \(p.district.name)'s district score under \(scenario): dots observed, line the median of the projection, band its 10–90% range; dashed line the in-progress threshold; orange line the median year it becomes advanced. P(advanced by \(p.years.last ?? p.latestYear)) = \(fixed(p.pAdvancedByHorizon, decimals: 2))."
        doc.text(
            "Dots: observed. Line: median. Band: 10–90% of draws. P(advanced by \(p.years.last ?? p.latestYear)) = \(fixed(p.pAdvancedByHorizon, decimals: 2)).",
            x: Frame.left, y: 350, size: 10, fill: "#555555")
        return doc.rendered(title: "\(p.district.name): projected district score", description: caption)
    }

    /// The plotting area (SVG units) and its scales: x in years, y in district score.
    struct Frame {
        static let (left, right, top, bottom) = (60.0, 620.0, 40.0, 300.0)
        let x: LinearScale
        let y: LinearScale
    }

    /// Grid, axes and their labels, and the in-progress threshold.
    static func axes(_ doc: inout SVGDocument, _ f: Frame, framework: Framework, years: (Int, Int)) {
        let (left, right, top, bottom) = (Frame.left, Frame.right, Frame.top, Frame.bottom)
        let (lo, hi) = (Double(framework.minimumScore), Double(framework.maximumScore))
        for t in Axes.ticks(lo, hi, count: Int(hi - lo)) {
            doc.line(x1: left, y1: f.y(t), x2: right, y2: f.y(t), stroke: "#e5e5e5")
            doc.text(Axes.label(t), x: left - 8, y: f.y(t) + 4, size: 11, anchor: .end)
        }
        for year in Axes.ticks(Double(years.0), Double(years.1), count: 8) where year == year.rounded() {
            doc.line(x1: f.x(year), y1: bottom, x2: f.x(year), y2: bottom + 5, stroke: "#444444")
            doc.text(String(Int(year)), x: f.x(year), y: bottom + 18, size: 11, anchor: .middle)
        }
        doc.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: "#444444")
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: "#444444")
        doc.text("Year", x: (left + right) / 2, y: bottom + 36, size: 12, anchor: .middle)
        doc.text("District score", x: 16, y: (top + bottom) / 2, size: 12, anchor: .middle, rotate: -90)
        let threshold = framework.inProgressThreshold
        doc.line(x1: left, y1: f.y(threshold), x2: right, y2: f.y(threshold), stroke: "#888888", dash: "6 4")
        doc.text(
            "in progress (\(Axes.label(threshold)))", x: right - 4, y: f.y(threshold) - 6, size: 10, anchor: .end,
            fill: "#666666")
    }

    /// The 10–90% band and the median, joined to the last observation.
    static func band(_ doc: inout SVGDocument, _ f: Frame, _ p: DistrictProjection, ink: String) {
        guard !p.years.isEmpty else { return }
        let measure = p.summaries.first.map { $0.count - 1 } ?? 0  // the district score is the last measure
        let anchor = (Double(p.latestYear), p.currentScore)
        let upper = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p90) }
        let lower = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p10) }
        doc.polygon((upper + lower.reversed()).map { (f.x($0.0), f.y($0.1)) }, fill: ink, opacity: 0.18)
        let median = [anchor] + p.years.indices.map { (Double(p.years[$0]), p.summaries[$0][measure].p50) }
        doc.polyline(median.map { (f.x($0.0), f.y($0.1)) }, stroke: ink, width: 2.5)
    }

    /// The median year the district becomes advanced, when there is one.
    static func advancedMarker(_ doc: inout SVGDocument, _ f: Frame, _ p: DistrictProjection) {
        guard let year = p.advancedYearQuantile(0.5) else { return }
        doc.line(
            x1: f.x(Double(year)), y1: Frame.top, x2: f.x(Double(year)), y2: Frame.bottom, stroke: "#d95f02",
            width: 1.5, dash: "3 3")
        doc.text(
            p.advancedNow && year == p.latestYear ? "advanced now" : "advanced (median): \(year)",
            x: f.x(Double(year)) + 4, y: Frame.top + 12, size: 11, fill: "#d95f02")
    }
}
