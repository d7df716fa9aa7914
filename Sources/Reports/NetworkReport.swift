import Forecasting
import Policy
import RatingsData

/// `network.csv`: how many districts are advanced in each year, per draw (draws are paired
/// across districts: draw r of every district is one joint future).
public enum NetworkReport {
    /// network.csv's columns.
    public static let header = [
        "scenario", "year", "expected_advanced", "advanced_p10", "advanced_p50", "advanced_p90",
    ]

    /// Years from the latest observed year of any projected district to the horizon; a district
    /// counts with its observed status in the years up to its own latest snapshot.
    public static func table(_ result: ProjectionResult) -> CSVTable {
        var t = CSVTable(header: header)
        guard let first = result.districts.map(\.latestYear).max(), first <= result.horizon else { return t }
        for year in first...result.horizon {
            let counts = (0..<result.draws).map { r in
                Double(result.districts.filter { $0.isAdvanced(draw: r, year: year) }.count)
            }
            let s = QuantileSummary(counts)
            t.append([
                result.scenario, String(year), CSVTable.number(s.mean), CSVTable.number(s.p10),
                CSVTable.number(s.p50), CSVTable.number(s.p90),
            ])
        }
        return t
    }
}
