import Forecasting
import Policy
import RatingsData

/// The attribution's charts: a Shapley waterfall per district and the network's mean Shapley
/// gains with ±1.96 SE error bars.
public enum ShapleyCharts {
    /// Every chart of an attribution, by file name under `charts/`.
    public static func charts(_ r: StickingPointAttribution.Result, scenario: String, caveat: String?) -> [String:
        String]
    {
        var out: [String: String] = ["sticking-points-network.svg": network(r, scenario: scenario, caveat: caveat)]
        let slugs = DistrictSlugs(r.districts.compactMap { $0.outlook.first?.district })
        for d in r.districts where !d.values.isEmpty {
            out["shapley-\(slugs[d.values[0].district]).svg"] = waterfall(d, horizon: r.horizon, caveat: caveat)
        }
        return out
    }

    /// From P(advanced by the horizon) unrelaxed, one step per sticking point (its Shapley value,
    /// largest first) to P with all of them relaxed; the steps add up exactly.
    public static func waterfall(_ d: DistrictAttribution, horizon: Int, caveat: String?) -> String {
        let values = d.values.sorted { $0.shapleyPGain.mean > $1.shapleyPGain.mean }
        let name = values.first?.district ?? ""
        let bar = 24.0
        let label = 250.0
        let top = 56.0
        let width = 420.0
        var doc = SVGDocument(width: label + width + 90, height: top + Double(values.count + 2) * bar + 70)
        let x = LinearScale(domain: (0, 1), range: (label, label + width))
        doc.text(
            "\(name): what holds it back (Shapley shares of P(advanced by \(horizon)))", x: 10, y: 24, size: 14,
            weight: "bold")
        var level = values.first?.pAdvanced ?? 0
        func row(_ i: Int, _ text: String, from a: Double, to b: Double, fill: String, note: String) {
            let y = top + Double(i) * bar
            doc.text(text, x: label - 8, y: y + bar / 2 + 4, size: 11, anchor: .end)
            doc.rect(
                x: x(min(a, b)), y: y + 3, width: max(1, x(max(a, b)) - x(min(a, b))), height: bar - 6, fill: fill,
                title: note)
            doc.text(note, x: x(max(a, b)) + 6, y: y + bar / 2 + 4, size: 10)
        }
        row(0, "as projected (nothing relaxed)", from: 0, to: level, fill: "#999999", note: fixed(level, decimals: 2))
        for (i, v) in values.enumerated() {
            let next = level + v.shapleyPGain.mean
            row(
                i + 1, "\(v.stickingPoint) (\(v.kind.rawValue))", from: level, to: next,
                fill: v.shapleyPGain.mean >= 0 ? "#1b9e77" : "#d95f02",
                note:
                    "\(v.shapleyPGain.mean >= 0 ? "+" : "")\(fixed(v.shapleyPGain.mean, decimals: 3)) ± \(AttributionReport.se(v.shapleyPGain.standardError, decimals: 3))"
            )
            level = next
        }
        row(values.count + 1, "all relaxed", from: 0, to: level, fill: "#7570b3", note: fixed(level, decimals: 2))
        let bottom = top + Double(values.count + 2) * bar
        for t in Axes.ticks(0, 1, count: 5) {
            doc.text(Axes.label(t), x: x(t), y: bottom + 14, size: 10, anchor: .middle)
        }
        doc.text(
            "P(advanced by \(horizon)); ± one Monte Carlo SE", x: label + width / 2, y: bottom + 30, size: 11,
            anchor: .middle)
        if let caveat { doc.text(caveat, x: 10, y: bottom + 54, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Shapley waterfall: \(name)",
            description:
                "Each sticking point's Shapley share of the gain in P(advanced by \(horizon)) when all are relaxed. "
                + (caveat ?? ""))
    }

    /// Mean Shapley gain per sticking point over the districts where it holds, with ±1.96 SE bars.
    public static func network(_ r: StickingPointAttribution.Result, scenario: String, caveat: String?) -> String {
        let rows = StickingPointAttribution.network(r)
        let bar = 24.0
        let label = 250.0
        let top = 56.0
        let width = 400.0
        var doc = SVGDocument(width: label + width + 120, height: top + Double(max(1, rows.count)) * bar + 70)
        func margin(_ row: StickingPointAttribution.NetworkRow) -> Double {
            row.meanShapleyPGainSE.isFinite ? 1.96 * row.meanShapleyPGainSE : 0
        }
        let hi = max(0.01, rows.map { $0.meanShapleyPGain + margin($0) }.max() ?? 0.01)
        let lo = min(0, rows.map { $0.meanShapleyPGain - margin($0) }.min() ?? 0)
        let x = LinearScale(domain: (lo, hi), range: (label, label + width))
        doc.text(
            "\(scenario): mean Shapley gain in P(advanced by \(r.horizon)) per sticking point", x: 10, y: 24, size: 14,
            weight: "bold")
        if rows.isEmpty {
            doc.text("No district short of advanced has a sticking point.", x: 10, y: top + 16, size: 12)
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * bar
            let mid = y + bar / 2
            doc.text(
                "\(row.stickingPoint) (\(row.assessed) districts)", x: label - 8, y: mid + 4, size: 11, anchor: .end)
            let a = min(0, row.meanShapleyPGain)
            let b = max(0, row.meanShapleyPGain)
            doc.rect(
                x: x(a), y: y + 4, width: max(1, x(b) - x(a)), height: bar - 8,
                fill: row.kind == .component ? "#1b9e77" : "#7570b3",
                title:
                    "\(row.stickingPoint): \(fixed(row.meanShapleyPGain, decimals: 3)) ± \(AttributionReport.se(row.meanShapleyPGainSE, decimals: 3))"
            )
            let e = margin(row)
            doc.line(
                x1: x(row.meanShapleyPGain - e), y1: mid, x2: x(row.meanShapleyPGain + e), y2: mid, stroke: "#222222",
                width: 1.5)
            doc.text(
                fixed(row.meanShapleyPGain, decimals: 3), x: x(max(b, row.meanShapleyPGain + e)) + 6, y: mid + 4,
                size: 10)
        }
        let bottom = top + Double(max(1, rows.count)) * bar
        doc.line(x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: "#444444")
        for t in Axes.ticks(lo, hi, count: 5) {
            doc.text(Axes.label(t), x: x(t), y: bottom + 14, size: 10, anchor: .middle)
        }
        doc.text(
            "Mean Shapley gain (green: component, purple: ceiling); bars ±1.96 SE", x: label + width / 2,
            y: bottom + 30, size: 11, anchor: .middle)
        if let caveat { doc.text(caveat, x: 10, y: bottom + 54, size: 10, fill: "#555555") }
        return doc.rendered(
            title: "Sticking points across the network",
            description:
                "Mean Shapley share of the gain in P(advanced by \(r.horizon)) over the districts where each sticking point holds. "
                + (caveat ?? ""))
    }
}
