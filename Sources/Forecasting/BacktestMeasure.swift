import RatingsData

/// A measure the rolling-origin backtest reports for each model and horizon. Declared in the
/// order rows are sorted in (alphabetical by the name written in `backtest.csv`). Lower is
/// better for every measure except `coverage80`, which should be near 0.80.
public enum BacktestMeasure: String, CaseIterable, Sendable, Comparable {
    /// Mean Brier score of P(advanced in that year) against the observed advanced status, in [0, 1].
    case brier
    /// Share of observed district scores inside the draws' 10th–90th percentile band.
    case coverage80
    /// Mean CRPS of the district score, score points.
    case crps
    /// Mean interval score of the draws' 10th–90th percentile band of the district score
    /// (width + 10 × the miss), score points.
    case interval80
    /// Mean ranked probability score of observed element ratings, in level steps (not divided by
    /// the number of levels minus one; see `ScoringRules.rankedProbabilityScore`).
    case rps

    /// Orders measures as `allCases` lists them, the order report rows use.
    public static func < (a: BacktestMeasure, b: BacktestMeasure) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
