/// How one forecasting method did on a held-out year.
public struct BacktestScore: Equatable, Sendable {
    public var model: String
    /// Mean absolute error of the (clamped) forecast, score points.
    public var mae: Double
    /// Root mean squared error, score points.
    public var rmse: Double
    /// Share of forecasts that round to exactly the held-out rating.
    public var exactMatchRate: Double
    /// Share whose rounded forecast is at most one scale level from the held-out rating.
    public var withinOneRate: Double
    /// Share of held-out ratings inside the method's 80% prediction interval.
    public var coverage80: Double
    /// Number of held-out ratings.
    public var n: Int
}
