/// `backtest.csv` and its printed table.
public enum BacktestReport {
    public static let header = ["model", "mae", "rmse", "exact_match_rate", "within_one_rate", "coverage_80", "n"]

    public static func table(_ scores: [BacktestScore]) -> CSVTable {
        CSVTable(header: header, rows: scores.map {
            [$0.model, CSVTable.number($0.mae), CSVTable.number($0.rmse), CSVTable.number($0.exactMatchRate),
             CSVTable.number($0.withinOneRate), CSVTable.number($0.coverage80), String($0.n)]
        })
    }

    public static func text(_ scores: [BacktestScore], holdoutYear: Int) -> String {
        var t = TextTable(header: ["Model", "MAE", "RMSE", "Exact", "Within one", "80% coverage", "n"],
                          rightAligned: [1, 2, 3, 4, 5, 6])
        for s in scores {
            t.rows.append([s.model, fixed(s.mae, decimals: 4), fixed(s.rmse, decimals: 4), fixed(s.exactMatchRate, decimals: 3),
                           fixed(s.withinOneRate, decimals: 3), fixed(s.coverage80, decimals: 3), String(s.n)])
        }
        var out = "Backtest: fitted on years before \(holdoutYear), forecast every rating observed in \(holdoutYear)\n" + t.rendered
        if let model = scores.first(where: { $0.model == "pooled-drift" }),
           let last = scores.first(where: { $0.model == "last-value" }) {
            for (metric, a, b) in [("MAE", model.mae, last.mae), ("RMSE", model.rmse, last.rmse)] {
                out += a < b
                    ? "pooled-drift beats last-value on \(metric) (\(fixed(a, decimals: 4)) vs \(fixed(b, decimals: 4))).\n"
                    : "pooled-drift does NOT beat last-value on \(metric) (\(fixed(a, decimals: 4)) vs \(fixed(b, decimals: 4))).\n"
            }
        }
        return out
    }
}
