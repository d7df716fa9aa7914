import RatingsData

/// One model's score on one measure at one horizon, pooled over every cut year of a
/// rolling-origin backtest (a row of `backtest.csv`).
public struct RollingOriginScore: Equatable, Sendable {
    /// The model's name (`ForecastModel.name`).
    public var model: String
    /// Years after the cut year (1 = the year after the last training year).
    public var horizon: Int
    /// What is scored (RPS, CRPS, interval score, coverage or Brier).
    public var measure: BacktestMeasure
    /// The mean score over the scored items (for `coverage80`, the share covered).
    public var score: Double
    /// Number of scored items: observed element ratings for `rps`, observed district-years for
    /// the other measures.
    public var n: Int

    /// A row of backtest.csv.
    public init(model: String, horizon: Int, measure: BacktestMeasure, score: Double, n: Int) {
        self.model = model
        self.horizon = horizon
        self.measure = measure
        self.score = score
        self.n = n
    }
}
