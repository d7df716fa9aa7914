import Forecasting
import Policy
import RatingsData

/// The files and table a scenario run produces.
public enum ScenarioReport {
    /// The engine and version, written into manifests and briefs.
    public static let engineVersion = "portfolio-forecast 0.1.0"
    /// trajectories.csv's columns.
    public static let trajectoriesHeader = [
        "scenario", "district", "year", "measure", "mean", "p10", "p50", "p90", "observed",
    ]
    /// advanced.csv's columns.
    public static let advancedHeader = [
        "scenario", "district", "advanced_now", "p_advanced_by_horizon", "year_p10", "year_p50", "year_p90",
        "p_advanced_at_horizon",
    ]
    /// advanced-by-year.csv's columns.
    public static let advancedByYearHeader = ["scenario", "district", "year", "p_advanced"]

    /// `trajectories.csv`: observed years (observed = true, all columns the observed value), then projected years.
    public static func trajectories(_ result: ProjectionResult, panel: Panel) -> CSVTable {
        var t = CSVTable(header: trajectoriesHeader)
        let fw = panel.framework
        let names = fw.components.map(\.shortName) + ["district"]
        for p in result.districts {
            if let d = panel.districtIndex(named: p.district.name) {
                for snap in panel.snapshots(ofDistrict: d) {
                    let components = fw.componentScores(snap.scores)
                    let values = components + [fw.districtScore(componentScores: components)]
                    // Observed rows for the measures the run kept (all, the district score, or none).
                    for (name, v) in zip(names, values) where result.measures.contains(name) {
                        let x = CSVTable.number(v)
                        t.append([result.scenario, p.district.name, String(snap.year), name, x, x, x, x, "true"])
                    }
                }
            }
            for (yi, year) in p.years.enumerated() {
                for (m, s) in p.summaries[yi].enumerated() {
                    t.append([
                        result.scenario, p.district.name, String(year), result.measures[m], CSVTable.number(s.mean),
                        CSVTable.number(s.p10), CSVTable.number(s.p50), CSVTable.number(s.p90), "false",
                    ])
                }
            }
        }
        return t
    }

    /// `advanced.csv`: one row a district; year quantiles empty when not reached by the horizon.
    public static func advanced(_ result: ProjectionResult) -> CSVTable {
        var t = CSVTable(header: advancedHeader)
        for p in result.districts {
            t.append([
                result.scenario, p.district.name, p.advancedNow ? "true" : "false",
                CSVTable.number(p.pAdvancedByHorizon),
                p.advancedYearQuantile(0.1).map(String.init) ?? "", p.advancedYearQuantile(0.5).map(String.init) ?? "",
                p.advancedYearQuantile(0.9).map(String.init) ?? "", CSVTable.number(p.pAdvancedAtHorizon),
            ])
        }
        return t
    }

    /// `advanced-by-year.csv`: P(advanced) in each year from the latest snapshot to the horizon.
    public static func advancedByYear(_ result: ProjectionResult) -> CSVTable {
        var t = CSVTable(header: advancedByYearHeader)
        for p in result.districts {
            for (i, year) in ([p.latestYear] + p.years).enumerated() {
                t.append([result.scenario, p.district.name, String(year), CSVTable.number(p.pAdvanced[i])])
            }
        }
        return t
    }

    /// The printed table: one row a district.
    public static func text(_ result: ProjectionResult) -> String {
        var t = TextTable(
            header: [
                "District", "Latest", "Score", "Advanced now", "Median year advanced (80% interval)",
                "P(advanced by \(result.horizon))", "P(advanced in \(result.horizon))",
            ], rightAligned: [1, 2, 5, 6])
        for p in result.districts.sorted(by: { $0.currentScore > $1.currentScore }) {
            let median = p.advancedYearQuantile(0.5)
            let low = p.advancedYearQuantile(0.1)
            let high = p.advancedYearQuantile(0.9)
            let when: String
            if p.advancedNow && high == p.latestYear {
                when = "now"
            } else if let median {
                when =
                    "\(median) (\(low.map(String.init) ?? "?")–\(high.map(String.init) ?? "after \(result.horizon)"))"
            } else {
                when = "not by \(result.horizon)" + (low.map { " (10%: \($0))" } ?? "")
            }
            t.rows.append([
                p.district.name, String(p.latestYear), fixed(p.currentScore, decimals: 2), p.advancedNow ? "yes" : "",
                when, fixed(p.pAdvancedByHorizon, decimals: 2), fixed(p.pAdvancedAtHorizon, decimals: 2),
            ])
        }
        return "Scenario \(result.scenario): \(result.draws) draws, seed \(result.seed), horizon \(result.horizon)\n"
            + t.rendered
            + "P(advanced by \(result.horizon)): advanced in any year up to \(result.horizon) (advanced now counts); P(advanced in \(result.horizon)): advanced in that year.\n"
    }
}
