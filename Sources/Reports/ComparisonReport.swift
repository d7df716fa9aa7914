import Forecasting
import Policy
import RatingsData

/// `compare.csv` and the ranked tables `simulate compare` prints.
public enum ComparisonReport {
    /// compare.csv's columns.
    public static let header = [
        "district", "scenario", "year_p50", "delta_years_p50", "delta_years_p10", "delta_years_p90",
        "p_advanced_by_horizon", "delta_p_advanced", "p_earlier",
    ]

    /// compare.csv: one row per district and scenario, in `ScenarioComparison.compare`'s order.
    public static func table(_ rows: [ScenarioComparison.Row]) -> CSVTable {
        CSVTable(
            header: header,
            rows: rows.map {
                [
                    $0.district, $0.scenario, $0.yearP50.map(String.init) ?? "",
                    CSVTable.number($0.deltaYearsP50, decimals: 1),
                    CSVTable.number($0.deltaYearsP10, decimals: 1), CSVTable.number($0.deltaYearsP90, decimals: 1),
                    CSVTable.number($0.pAdvancedByHorizon), CSVTable.number($0.deltaPAdvanced),
                    CSVTable.number($0.pEarlier),
                ]
            })
    }

    /// Per district, alternatives ranked by P(earlier) then ΔP; then the network ranking.
    public static func text(
        _ rows: [ScenarioComparison.Row], baseline: String, horizon: Int, districts filter: Set<String>? = nil
    ) -> String {
        var out =
            "Levers ranked per district against \(baseline) (paired draws; Δ years < 0 = advanced earlier; not by \(horizon) counts as \(horizon + 1))\n"
        var t = TextTable(
            header: [
                "District", "Scenario", "Median year", "Δ years p50 (p10 to p90)", "P(by \(horizon))", "ΔP",
                "P(earlier)",
            ],
            rightAligned: [2, 4, 5, 6])
        for (district, mine) in ScenarioComparison.byDistrict(rows) where filter?.contains(district) ?? true {
            let alts = mine.filter { $0.scenario != baseline }
                .sorted { ($0.pEarlier, $0.deltaPAdvanced) > ($1.pEarlier, $1.deltaPAdvanced) }
            guard let base = mine.first(where: { $0.scenario == baseline }) else { continue }
            t.rows.append([
                district, baseline, base.yearP50.map(String.init) ?? "not by \(horizon)", "",
                fixed(base.pAdvancedByHorizon, decimals: 2), "", "",
            ])
            for r in alts {
                t.rows.append([
                    "", r.scenario, r.yearP50.map(String.init) ?? "not by \(horizon)",
                    "\(signed(r.deltaYearsP50)) (\(signed(r.deltaYearsP10)) to \(signed(r.deltaYearsP90)))",
                    fixed(r.pAdvancedByHorizon, decimals: 2), signedHundredths(r.deltaPAdvanced),
                    fixed(r.pEarlier, decimals: 2),
                ])
            }
        }
        out += t.rendered
        let scenarios = Array(Set(rows.map(\.scenario))).filter { $0 != baseline }.sorted()
        var n = TextTable(
            header: [
                "Scenario", "Districts made earlier (P(earlier) ≥ 0.5)", "Mean ΔP(by \(horizon))",
                "Sum ΔP (expected districts)",
            ],
            rightAligned: [1, 2, 3])
        let ranked = scenarios.map { s -> (String, Int, Double, Double) in
            let mine = rows.filter { $0.scenario == s }
            let sum = mine.map(\.deltaPAdvanced).reduce(0, +)
            return (s, mine.filter { $0.pEarlier >= 0.5 }.count, sum / Double(max(1, mine.count)), sum)
        }.sorted { ($0.1, $0.3) > ($1.1, $1.3) }
        for (s, earlier, mean, sum) in ranked {
            n.rows.append([s, String(earlier), signedHundredths(mean), signedHundredths(sum)])
        }
        return out + "\nNetwork ranking\n" + n.rendered
    }

    static func signed(_ x: Double) -> String { signedFixed(x, decimals: 1, plusOnZero: false) }
    static func signedHundredths(_ x: Double) -> String { signedFixed(x, decimals: 2, plusOnZero: false) }
}
