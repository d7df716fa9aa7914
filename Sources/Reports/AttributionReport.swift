import Forecasting
import Policy
import RatingsData

/// The attribution's files — `component-outlook.csv`, `sticking-points.csv`,
/// `sticking-points-network.csv`, `relaxation-bundles.csv`, `what-it-would-take.csv` — and its
/// printed summary. Every column is documented in `Results/README.md`.
public enum AttributionReport {
    /// component-outlook.csv's columns.
    public static let outlookHeader = [
        "scenario", "district", "component", "latest", "p_in_progress_by_horizon",
        "year_p10", "year_p50", "year_p90",
    ]
    /// sticking-points.csv's columns.
    public static let header = [
        "scenario", "district", "sticking_point", "kind", "binding", "p_advanced", "p_relaxed_alone",
        "shapley_p_gain", "shapley_p_gain_se", "shapley_years", "years_gained_mean",
        "years_gained_p10", "years_gained_p50", "years_gained_p90", "decisive_share",
    ]
    /// sticking-points-network.csv's columns.
    public static let networkHeader = [
        "scenario", "sticking_point", "kind", "districts_assessed", "districts_binding",
        "mean_shapley_p_gain", "mean_shapley_p_gain_se", "mean_shapley_years",
        "mean_p_in_progress_by_horizon",
    ]
    /// relaxation-bundles.csv's columns.
    public static let bundleHeader = [
        "scenario", "district", "bundle", "p_advanced", "p_relaxed", "p_gain",
        "years_gained_mean",
    ]
    /// what-it-would-take.csv's columns.
    public static let requirementHeader = [
        "scenario", "district", "relaxed", "target_year", "required_pace", "own_pace",
        "reachable",
    ]

    /// Every attribution file of a run, as (name, CSV text).
    public static func files(_ r: StickingPointAttribution.Result, scenario: String) -> [(
        name: String, contents: String
    )] {
        [
            ("component-outlook.csv", outlook(r, scenario: scenario).text),
            ("sticking-points.csv", table(r, scenario: scenario).text),
            ("sticking-points-network.csv", network(r, scenario: scenario).text),
            ("relaxation-bundles.csv", bundles(r, scenario: scenario).text),
            ("what-it-would-take.csv", requirements(r, scenario: scenario).text),
        ]
    }

    static func year(_ y: Int?) -> String { y.map(String.init) ?? "" }

    /// component-outlook.csv: when each district's components first get to "in progress".
    public static func outlook(_ r: StickingPointAttribution.Result, scenario: String) -> CSVTable {
        CSVTable(
            header: outlookHeader,
            rows: r.outlook.map {
                [
                    scenario, $0.district, $0.component, CSVTable.number($0.latest),
                    CSVTable.number($0.pInProgressByHorizon),
                    year($0.yearP10), year($0.yearP50), year($0.yearP90),
                ]
            })
    }

    /// sticking-points.csv: each district's sticking points with their Shapley shares.
    public static func table(_ r: StickingPointAttribution.Result, scenario: String) -> CSVTable {
        CSVTable(
            header: header,
            rows: r.values.map {
                [
                    scenario, $0.district, $0.stickingPoint, $0.kind.rawValue, $0.binding ? "true" : "false",
                    CSVTable.number($0.pAdvanced), CSVTable.number($0.pRelaxedAlone),
                    CSVTable.number($0.shapleyPGain.mean),
                    CSVTable.number($0.shapleyPGain.standardError), CSVTable.number($0.shapleyYears.mean, decimals: 3),
                    CSVTable.number($0.yearsGained.mean, decimals: 3), CSVTable.number($0.yearsGained.p10, decimals: 1),
                    CSVTable.number($0.yearsGained.p50, decimals: 1), CSVTable.number($0.yearsGained.p90, decimals: 1),
                    $0.decisiveShare.map { CSVTable.number($0) } ?? "",
                ]
            })
    }

    /// sticking-points-network.csv: each sticking point's mean Shapley share over the districts assessed, and where it binds.
    public static func network(_ r: StickingPointAttribution.Result, scenario: String) -> CSVTable {
        CSVTable(
            header: networkHeader,
            rows: StickingPointAttribution.network(r).map {
                [
                    scenario, $0.stickingPoint, $0.kind.rawValue, String($0.assessed), String($0.binding),
                    CSVTable.number($0.meanShapleyPGain), CSVTable.number($0.meanShapleyPGainSE),
                    CSVTable.number($0.meanShapleyYears, decimals: 3),
                    $0.meanPInProgressByHorizon.map { CSVTable.number($0) } ?? "",
                ]
            })
    }

    /// relaxation-bundles.csv: P(advanced) with sticking points relaxed together.
    public static func bundles(_ r: StickingPointAttribution.Result, scenario: String) -> CSVTable {
        CSVTable(
            header: bundleHeader,
            rows: r.bundles.map {
                [
                    scenario, $0.district, $0.bundle, CSVTable.number($0.pAdvanced), CSVTable.number($0.pRelaxed),
                    CSVTable.number($0.pGain.mean), CSVTable.number($0.yearsGained.mean, decimals: 3),
                ]
            })
    }

    /// what-it-would-take.csv: the smallest extra pace giving an even chance by the target year.
    public static func requirements(_ r: StickingPointAttribution.Result, scenario: String) -> CSVTable {
        CSVTable(
            header: requirementHeader,
            rows: r.requirements.map {
                [
                    scenario, $0.district, $0.relaxed, String($0.targetYear),
                    $0.requiredPace.map { CSVTable.number($0, decimals: 2) } ?? "",
                    $0.ownPace.map { CSVTable.number($0) } ?? "", $0.reachable ? "true" : "false",
                ]
            })
    }

    static func signed(_ x: Double, decimals: Int) -> String { (x >= 0 ? "+" : "") + fixed(x, decimals: decimals) }

    /// A standard error for text: "n/a" when undefined (one draw).
    static func se(_ x: Double, decimals: Int) -> String { x.isFinite ? fixed(x, decimals: decimals) : "n/a" }

    /// The printed summary: per district the largest Shapley shares and the paper's bundle, then the network.
    public static func text(_ r: StickingPointAttribution.Result) -> String {
        let h = r.horizon
        var out =
            "What holds each district back (Shapley shares of the gain in P(advanced by \(h)) when every sticking point is relaxed to the \(r.options.benchmark.rawValue) benchmark; ± one Monte Carlo SE)\n"
        if !r.benchmarkPaces.isEmpty {
            out +=
                "Benchmark paces (points a year): "
                + r.benchmarkPaces.map { "\($0.component) \(fixed($0.pace, decimals: 3))" }
                .joined(separator: ", ") + "\n"
        }
        var t = TextTable(
            header: ["District", "P(adv by \(h))", "All relaxed", "Largest shares", "Binding alone"],
            rightAligned: [1, 2])
        for d in r.districts where !d.values.isEmpty {
            let all = d.bundles.first { $0.bundle == RelaxationBundle.allName }
            let top = d.values.sorted { $0.shapleyPGain.mean > $1.shapleyPGain.mean }.prefix(3)
                .filter { $0.shapleyPGain.mean >= 0.005 }
                .map {
                    "\($0.stickingPoint) \(signed($0.shapleyPGain.mean, decimals: 2))±\(se($0.shapleyPGain.standardError, decimals: 2))"
                }
            t.rows.append([
                d.values[0].district, fixed(d.values[0].pAdvanced, decimals: 2),
                all.map { fixed($0.pRelaxed, decimals: 2) } ?? "",
                top.isEmpty ? "(none ≥ 0.005)" : top.joined(separator: ", "),
                d.values.filter(\.binding).map(\.stickingPoint).joined(separator: ", "),
            ])
        }
        out += t.rendered + "\nNetwork (districts not advanced at the start, where the sticking point holds)\n"
        var n = TextTable(
            header: [
                "Sticking point", "Kind", "Assessed", "Binding alone", "Mean Shapley P gain", "Mean Shapley years",
                "Mean P(in progress by \(h))",
            ], rightAligned: [2, 3, 4, 5, 6])
        for row in StickingPointAttribution.network(r) {
            n.rows.append([
                row.stickingPoint, row.kind.rawValue, String(row.assessed), String(row.binding),
                "\(signed(row.meanShapleyPGain, decimals: 3)) ± \(se(row.meanShapleyPGainSE, decimals: 3))",
                fixed(row.meanShapleyYears, decimals: 2),
                row.meanPInProgressByHorizon.map { fixed($0, decimals: 3) } ?? "",
            ])
        }
        return out + n.rendered
    }
}
