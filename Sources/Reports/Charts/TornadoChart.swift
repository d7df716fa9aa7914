import Forecasting
import Policy
import RatingsData

/// Tornado charts of `simulate sensitivity`: one bar per factor from the outcome at its low
/// value to the outcome at its high value, largest swing on top, the scenario's own outcome as
/// the centre line.
public enum TornadoChart {
    /// `tornado-network.svg` and `tornado-<district slug>.svg` for every district.
    public static func charts(_ result: SensitivityResult, caveat: String?) -> [String: String] {
        let byDistrict = Dictionary(grouping: result.rows, by: \.district)
        let slugs = DistrictSlugs(byDistrict.keys.filter { $0 != SensitivityRow.network })
        var charts: [String: String] = [:]
        for (district, rows) in byDistrict {
            let network = district == SensitivityRow.network
            let name = network ? "tornado-network.svg" : "tornado-\(slugs[district]).svg"
            let outcome =
                network
                ? "Expected number of districts advanced in \(result.horizon)" : "P(advanced by \(result.horizon))"
            charts[name] = svg(
                rows, title: "\(network ? "Network" : district): sensitivity of \(result.scenario)", outcome: outcome,
                caveat: caveat)
        }
        return charts
    }

    /// One tornado: `rows` are one outcome's factors, already sorted largest swing first.
    public static func svg(_ rows: [SensitivityRow], title: String, outcome: String, caveat: String?) -> String {
        let bar = 24.0
        let (labelWidth, top, plotWidth) = (250.0, 60.0, 420.0)
        let bottom = top + Double(max(1, rows.count)) * bar
        var doc = SVGDocument(width: labelWidth + plotWidth + 40, height: bottom + 80)
        let values = rows.flatMap { [$0.pLow, $0.pHigh, $0.baseline] }
        let lo = values.min() ?? 0
        let hi = max(values.max() ?? 1, lo + 1e-9)
        let x = LinearScale(domain: (lo, hi), range: (labelWidth, labelWidth + plotWidth))
        doc.text(title, x: 10, y: 24, size: 14, weight: "bold")
        doc.text("Blue: the factor at its low value; orange: at its high value.", x: 10, y: 42, size: 11)
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * bar
            doc.text(row.factor, x: labelWidth - 8, y: y + bar / 2 + 4, size: 11, anchor: .end)
            let tip =
                "\(row.factor): \(fixed(row.lowValue, decimals: 3)) gives \(fixed(row.pLow, decimals: 3)); "
                + "\(fixed(row.highValue, decimals: 3)) gives \(fixed(row.pHigh, decimals: 3))"
            doc.rect(
                x: min(x(row.baseline), x(row.pLow)), y: y + 3, width: abs(x(row.pLow) - x(row.baseline)),
                height: bar - 6, fill: "#1f78b4", title: tip)
            doc.rect(
                x: min(x(row.baseline), x(row.pHigh)), y: y + 3, width: abs(x(row.pHigh) - x(row.baseline)),
                height: bar - 6, fill: "#ff7f00", opacity: 0.8, title: tip)
        }
        if let centre = rows.first?.baseline {
            doc.line(x1: x(centre), y1: top - 4, x2: x(centre), y2: bottom, stroke: "#222222", width: 1.5)
        }
        for t in Axes.ticks(lo, hi, count: 6) where t >= lo && t <= hi {
            doc.text(Axes.label(t), x: x(t), y: bottom + 16, size: 10, anchor: .middle)
        }
        doc.text(outcome, x: labelWidth + plotWidth / 2, y: bottom + 34, size: 11, anchor: .middle)
        if let caveat { doc.text(caveat, x: 10, y: bottom + 60, size: 10, fill: "#555555") }
        return doc.rendered(
            title: title,
            description: "Each bar: the outcome with one assumption at its low and at its high value. " + (caveat ?? "")
        )
    }
}
