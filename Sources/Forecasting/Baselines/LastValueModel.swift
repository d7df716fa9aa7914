import RatingsData

/// The `last-value` baseline: every element keeps its latest rating, and its band is the training
/// panel's own past changes.
///
/// A path at step h (h years after the district's latest snapshot) adds to each element the
/// h-year change of one resampled source district, whole districts at a time (`ChangeBootstrap`
/// says how sources are drawn and how steps beyond a source's history are chained), and moves
/// the result to its nearest scale level. The band's changes are raw, so they carry whatever
/// drift the training years had; the point forecast (the median path) is the latest rating
/// whenever most ratings did not change.
public struct LastValueModel: ForecastModel {
    /// The model's name in `--models` and in backtest.csv.
    public let name = "last-value"

    /// The model; it has no parameters.
    public init() {}

    /// One set of paths per district of `training` (see the type's description); `events` are not used.
    public func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws
        -> [PathSamples]
    {
        ResampledChangePaths.paths(
            training: training, horizon: horizon, draws: draws, seed: seed,
            trend: Array(repeating: 0, count: training.framework.components.count))
    }
}
