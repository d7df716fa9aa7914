import Forecasting
import Policy
import RatingsData

/// sensitivity.csv and the printed summary of `simulate sensitivity`.
public enum SensitivityReport {
    /// sensitivity.csv's columns.
    public static let header = [
        "scenario", "district", "factor", "low_value", "high_value", "p_low", "p_high", "swing",
    ]

    /// One row per (district or network, factor), largest swing first within each.
    public static func table(_ result: SensitivityResult) -> CSVTable {
        var table = CSVTable(header: header)
        for row in result.rows {
            table.append([
                row.scenario, row.district, row.factor, CSVTable.number(row.lowValue, decimals: 6),
                CSVTable.number(row.highValue, decimals: 6), CSVTable.number(row.pLow), CSVTable.number(row.pHigh),
                CSVTable.number(row.swing),
            ])
        }
        return table
    }

    /// The network's tornado as a table, then each district's largest swing.
    public static func text(_ result: SensitivityResult) -> String {
        let network = result.rows.filter { $0.district == SensitivityRow.network }
        var table = TextTable(
            header: ["Factor", "Low", "High", "E[advanced] low", "E[advanced] high", "Swing"],
            rightAligned: [1, 2, 3, 4, 5])
        for row in network {
            table.rows.append([
                row.factor, fixed(row.lowValue, decimals: 3), fixed(row.highValue, decimals: 3),
                fixed(row.pLow, decimals: 2), fixed(row.pHigh, decimals: 2), fixed(row.swing, decimals: 2),
            ])
        }
        let baseline = network.first.map { fixed($0.baseline, decimals: 2) } ?? "?"
        var text =
            "Sensitivity of \(result.scenario): \(result.draws) paired draws, seed \(result.seed), horizon \(result.horizon)\n"
            + "Expected number of districts advanced in \(result.horizon) (at the scenario's assumptions: \(baseline)):\n"
            + table.rendered
        let districts = Dictionary(
            grouping: result.rows.filter { $0.district != SensitivityRow.network }, by: \.district)
        let largest = districts.values.compactMap(\.first).filter { $0.swing > 0 }.sorted { $0.swing > $1.swing }
        if !largest.isEmpty {
            text += "\nLargest swing in P(advanced by \(result.horizon)) per district (top 5):\n"
            for row in largest.prefix(5) {
                text +=
                    "  \(row.district): \(row.factor), \(fixed(row.pLow, decimals: 2)) to \(fixed(row.pHigh, decimals: 2))\n"
            }
        }
        return text
    }
}
