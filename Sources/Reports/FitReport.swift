import Forecasting
import Policy
import RatingsData

/// The files and text `simulate fit` produces.
public enum FitReport {
    /// fit.csv's columns.
    public static let header = ["district", "element", "level", "slope", "slope_sd"]

    /// `fit.csv`: one row per observed series; level clamped to the scale (score points), slope in points per year.
    public static func table(_ fit: TrajectoryFit, panel: Panel) -> CSVTable {
        let fw = panel.framework
        let lo = Double(fw.minimumScore)
        let hi = Double(fw.maximumScore)
        var t = CSVTable(header: header)
        for s in fit.series {
            t.append([
                panel.districts[s.district].name, fw.elements[s.element].id,
                CSVTable.number(min(max(s.level, lo), hi)), CSVTable.number(s.slope), CSVTable.number(s.slopeSD),
            ])
        }
        return t
    }

    /// The printed summary: variance components and penalty, residual sd, mean slopes.
    public static func summary(_ fit: TrajectoryFit, panel: Panel) -> String {
        let fw = panel.framework
        var out =
            "Trajectory model: \(fit.observations) ratings in \(fit.series.count) series; variance components by \(fit.varianceSource)\n"
        out +=
            "  residual sd σ = \(fixed(fit.variance.residual.squareRoot(), decimals: 4)) score points (year-to-year noise)\n"
        out +=
            "  deviation sd τ = \(fixed(fit.variance.deviation.squareRoot(), decimals: 4)) points/year (district×component slope deviations)\n"
        out += "  penalty λ = σ²/τ² = \(fixed(fit.variance.penalty, decimals: 3)) (years², on each deviation)\n"
        out +=
            "  restricted log-likelihood \(fixed(fit.restrictedLogLikelihood, decimals: 3)), residual df \(fit.residualDegreesOfFreedom)\n\n"
        var comps = TextTable(
            header: ["Component", "Slope μ (points/yr)", "sd", "Mean district slope"], rightAligned: [1, 2, 3])
        for (k, c) in fw.components.enumerated() {
            let mean = fit.slope.map { $0[k] }.reduce(0, +) / Double(fit.slope.count)
            comps.rows.append([
                c.shortName, signed(fit.componentSlope[k]), fixed(fit.componentSlopeSD[k], decimals: 4), signed(mean),
            ])
        }
        out += comps.rendered + "\n"
        var districts = TextTable(header: ["District", "Momentum m (points/yr)", "Mean slope"], rightAligned: [1, 2])
        let order = panel.districts.indices.sorted { mean(fit.slope[$0]) > mean(fit.slope[$1]) }
        for d in order {
            districts.rows.append([
                panel.districts[d].name,
                fit.districtIdentified[d] ? signed(fit.districtMomentum[d]) : "(no time variation)",
                signed(mean(fit.slope[d])),
            ])
        }
        out += districts.rendered
        return out
    }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    static func signed(_ x: Double) -> String { signedFixed(x, decimals: 4) }
}
