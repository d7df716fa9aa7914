import Forecasting
import Policy
import RatingsData

/// Years gained per lever with intervals, for `simulate compare`.
public enum CompareChart {
    /// One row per (district, scenario) that changes anything: −Δ years (median, 10–90% whisker)
    /// and the change in P(advanced by the horizon).
    public static func svg(_ rows: [ScenarioComparison.Row], baseline: String, horizon: Int, caveat: String?) -> String
    {
        let shown = rows.filter {
            $0.scenario != baseline && ($0.pEarlier > 0 || $0.deltaPAdvanced != 0 || $0.deltaYearsP50 != 0)
        }
        .sorted { ($0.deltaPAdvanced, -$0.deltaYearsP50) > ($1.deltaPAdvanced, -$1.deltaYearsP50) }
        .prefix(30)
        let bar = 22.0
        let labelWidth = 330.0
        let top = 60.0
        let plotWidth = 360.0
        var doc = SVGDocument(width: labelWidth + plotWidth + 140, height: top + Double(max(1, shown.count)) * bar + 80)
        let gains = shown.flatMap { [-$0.deltaYearsP10, -$0.deltaYearsP90, -$0.deltaYearsP50] }
        let span = max(1, (gains.map(abs).max() ?? 1))
        let x = LinearScale(domain: (-span, span), range: (labelWidth, labelWidth + plotWidth))
        doc.text(
            "Years gained against \(baseline) (median, 10–90% of paired draws)", x: 10, y: 24, size: 14, weight: "bold")
        doc.text("ΔP(advanced by \(horizon))", x: labelWidth + plotWidth + 70, y: top - 12, size: 11, anchor: .middle)
        if shown.isEmpty {
            doc.text("No alternative changes any district's advanced year.", x: 10, y: top + 16, size: 12)
        }
        for (i, r) in shown.enumerated() {
            let yy = top + Double(i) * bar + bar / 2
            doc.text("\(r.district) — \(r.scenario)", x: labelWidth - 8, y: yy + 4, size: 11, anchor: .end)
            doc.line(x1: x(-r.deltaYearsP10), y1: yy, x2: x(-r.deltaYearsP90), y2: yy, stroke: "#7570b3", width: 2)
            doc.circle(
                x: x(-r.deltaYearsP50), y: yy, r: 5, fill: "#d95f02",
                title:
                    "\(r.district), \(r.scenario): median \(fixed(-r.deltaYearsP50, decimals: 1)) years gained, P(earlier) \(fixed(r.pEarlier, decimals: 2))"
            )
            doc.text(
                (r.deltaPAdvanced >= 0 ? "+" : "") + fixed(r.deltaPAdvanced, decimals: 2),
                x: labelWidth + plotWidth + 70, y: yy + 4, size: 11, anchor: .middle)
        }
        let bottom = top + Double(max(1, shown.count)) * bar
        doc.line(x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: "#444444")
        for t in Axes.ticks(-span, span, count: 6) {
            doc.text(Axes.label(t), x: x(t), y: bottom + 16, size: 10, anchor: .middle)
        }
        doc.text(
            "Years gained (positive: advanced earlier; not by \(horizon) counted as \(horizon + 1))",
            x: labelWidth + plotWidth / 2, y: bottom + 34, size: 11, anchor: .middle)
        if let caveat { doc.text(caveat, x: 10, y: bottom + 60, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Years gained per lever",
            description:
                "For each district and alternative that changes anything, the paired difference in the year the district becomes advanced. "
                + (caveat ?? ""))
    }
}
