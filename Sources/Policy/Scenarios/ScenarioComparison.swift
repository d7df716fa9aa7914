import Forecasting
import RatingsData

/// Paired comparison of scenarios on common random numbers.
///
/// Every scenario is projected with the same seed and draws, so draw r of a district in two
/// scenarios shares its drifts and noise; the per-draw difference in the advanced year is the
/// levers' effect. A draw not advanced by the horizon counts as horizon + 1 (differences
/// involving it are bounds).
public enum ScenarioComparison {
    /// Rows grouped by district, districts in the order they first appear, rows in their order.
    public static func byDistrict(_ rows: [Row]) -> [(district: String, rows: [Row])] {
        var order: [String] = []
        var groups: [String: [Row]] = [:]
        for r in rows {
            if groups[r.district] == nil { order.append(r.district) }
            groups[r.district, default: []].append(r)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// One scenario in one district against the baseline (a row of `compare.csv`).
    public struct Row: Equatable, Sendable {
        /// The district's name.
        public var district: String
        /// The scenario's name (the baseline's own row has zero deltas).
        public var scenario: String
        /// Median advanced year (nil: not by the horizon).
        public var yearP50: Int?
        /// Quantiles over draws of (advanced year in the scenario − in the baseline); negative = earlier.
        public var deltaYearsP50: Double
        /// The 10th percentile of the same differences.
        public var deltaYearsP10: Double
        /// The 90th percentile of the same differences.
        public var deltaYearsP90: Double
        /// P(advanced by the horizon) under the scenario.
        public var pAdvancedByHorizon: Double
        /// `pAdvancedByHorizon` minus the baseline's.
        public var deltaPAdvanced: Double
        /// Share of draws in which the scenario makes the district advanced strictly earlier.
        public var pEarlier: Double
    }

    /// Results that cannot be paired draw by draw.
    public enum ComparisonError: Error, CustomStringConvertible {
        /// What differs (horizon, draws or seed), in words.
        case mismatch(String)
        /// The mismatch's words.
        public var description: String {
            switch self {
            case .mismatch(let what): return what
            }
        }
    }

    /// Rows for the baseline (deltas zero) and every alternative, district by district.
    public static func compare(baseline: ProjectionResult, alternatives: [ProjectionResult]) throws(ComparisonError)
        -> [Row]
    {
        for alt in alternatives {
            guard alt.horizon == baseline.horizon else {
                throw .mismatch(
                    "scenario \(alt.scenario) has horizon \(alt.horizon) but the baseline \(baseline.scenario) has \(baseline.horizon); expected the same horizon"
                )
            }
            guard alt.draws == baseline.draws, alt.seed == baseline.seed else {
                throw .mismatch("scenario \(alt.scenario) was not run with the baseline's draws and seed")
            }
        }
        var rows: [Row] = []
        let horizon = baseline.horizon
        let results = [baseline] + alternatives
        let byName = results.map { result in
            Dictionary(result.districts.map { ($0.district.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for base in baseline.districts {
            for (result, districts) in zip(results, byName) {
                guard let p = districts[base.district.name] else { continue }
                var deltas: [Double] = []
                var earlier = 0
                for (a, b) in zip(base.advancedYear, p.advancedYear) {
                    let ya = a ?? horizon + 1
                    let yb = b ?? horizon + 1
                    deltas.append(Double(yb - ya))
                    if yb < ya { earlier += 1 }
                }
                let q = QuantileSummary(deltas)
                rows.append(
                    Row(
                        district: base.district.name, scenario: result.scenario, yearP50: p.advancedYearQuantile(0.5),
                        deltaYearsP50: q.p50, deltaYearsP10: q.p10, deltaYearsP90: q.p90,
                        pAdvancedByHorizon: p.pAdvancedByHorizon,
                        deltaPAdvanced: p.pAdvancedByHorizon - base.pAdvancedByHorizon,
                        pEarlier: Double(earlier) / Double(p.advancedYear.count)))
            }
        }
        return rows
    }
}
