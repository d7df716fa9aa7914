import Forecasting
import Policy
import RatingsData

/// What `simulate backtest` writes and prints: `backtest.csv` (one row per model, horizon and
/// measure) and a table with one row per model and horizon.
public enum BacktestReport {
    /// backtest.csv's columns.
    public static let header = ["model", "horizon", "measure", "score", "n"]
    /// File name of the coverage chart, beside `backtest.csv`.
    public static let chartFile = "coverage-by-horizon.svg"

    /// `backtest.csv`: scores to 6 decimals, rows in the order given (`RollingOrigin.run`'s).
    public static func table(_ scores: [RollingOriginScore]) -> CSVTable {
        CSVTable(
            header: header,
            rows: scores.map {
                [
                    $0.model, String($0.horizon), $0.measure.rawValue, CSVTable.number($0.score, decimals: 6),
                    String($0.n),
                ]
            })
    }

    /// The printed summary: what was run, then one row per model and horizon.
    /// - Parameters:
    ///   - cuts: the cut years (`RollingOrigin.cutYears`).
    ///   - horizon: the largest horizon asked for, in years.
    public static func text(_ scores: [RollingOriginScore], cuts: [Int], horizon: Int, draws: Int, seed: UInt64)
        -> String
    {
        var t = TextTable(
            header: [
                "Model", "Horizon", "RPS", "CRPS", "Interval 80", "80% coverage", "Brier", "Ratings", "District-years",
            ],
            rightAligned: Set(1...8))
        for (model, h) in modelHorizons(scores) {
            func value(_ m: BacktestMeasure) -> RollingOriginScore? {
                scores.first { $0.model == model && $0.horizon == h && $0.measure == m }
            }
            func cell(_ m: BacktestMeasure, _ decimals: Int) -> String {
                value(m).map { fixed($0.score, decimals: decimals) } ?? "—"
            }
            t.rows.append([
                model, String(h), cell(.rps, 4), cell(.crps, 4), cell(.interval80, 4), cell(.coverage80, 3),
                cell(.brier, 4), value(.rps).map { String($0.n) } ?? "0", value(.crps).map { String($0.n) } ?? "0",
            ])
        }
        let cutList = cuts.map(String.init).joined(separator: ", ")
        return "Rolling-origin backtest: cut years \(cutList); each model fitted on the years up to the cut and scored "
            + "on the observed years 1–\(horizon) after it; \(draws) draws, seed \(seed)\n"
            + t.rendered
            + "RPS: ranked probability score of element ratings (level steps; lower is better). CRPS and Interval 80\n"
            + "(width + 10 × miss of the p10–p90 band): of the district score, points; lower is better. 80% coverage:\n"
            + "share of district scores inside the p10–p90 band (target 0.80). Brier: P(advanced); lower is better.\n"
            + (horizonsWithoutData(scores, horizon: horizon).map {
                "No observed year at horizon \($0) after any cut: not scored.\n"
            } ?? "")
    }

    /// (model, horizon) pairs with a score, in the rows' order.
    static func modelHorizons(_ scores: [RollingOriginScore]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for s in scores where !out.contains(where: { $0.0 == s.model && $0.1 == s.horizon }) {
            out.append((s.model, s.horizon))
        }
        return out
    }

    /// The horizons 1…`horizon` no row has, as text ("3" or "2, 3"), or nil when every one has rows.
    static func horizonsWithoutData(_ scores: [RollingOriginScore], horizon: Int) -> String? {
        let present = Set(scores.map(\.horizon))
        let missing = (1...max(1, horizon)).filter { !present.contains($0) }
        return missing.isEmpty ? nil : missing.map(String.init).joined(separator: ", ")
    }
}
