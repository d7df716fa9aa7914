import RatingsData

/// Simulated paths of one district's element ratings, as a forecasting model draws them: what
/// the rolling-origin backtest scores (ranked probability score on ratings, CRPS, coverage and
/// interval score on the district score, Brier on advanced status).
public struct PathSamples: Sendable {
    /// The district's index in the panel the model was fitted on.
    public var district: Int
    /// Projected years, ascending: the years after the district's latest snapshot up to the horizon.
    public var years: [Int]
    /// Number of simulated paths.
    public var draws: Int
    /// Elements per path-year (the framework's element count).
    public var elementCount: Int
    /// `ratings[(draw * years.count + yearIndex) * elementCount + element]`: a level of the scale
    /// for integer models, any real number on the scale for continuous ones.
    public var ratings: [Double]

    /// Paths of district `district` (panel index): `ratings` holds draws × years × elements values.
    public init(district: Int, years: [Int], draws: Int, elementCount: Int, ratings: [Double]) {
        precondition(
            ratings.count == draws * years.count * elementCount, "ratings must hold draws × years × elements values")
        self.district = district
        self.years = years
        self.draws = draws
        self.elementCount = elementCount
        self.ratings = ratings
    }

    /// The simulated rating of `element` in the year at `yearIndex` of path `draw`.
    @inline(__always)
    public func rating(draw: Int, yearIndex: Int, element: Int) -> Double {
        ratings[(draw * years.count + yearIndex) * elementCount + element]
    }

    /// The element ratings of one path-year, in framework order.
    public func ratings(draw: Int, yearIndex: Int) -> ArraySlice<Double> {
        let start = (draw * years.count + yearIndex) * elementCount
        return ratings[start..<(start + elementCount)]
    }

    /// The framework's component scores of one path-year (every element is simulated).
    public func componentScores(draw: Int, yearIndex: Int, framework: Framework) -> [Double] {
        framework.componentScores(ratings(draw: draw, yearIndex: yearIndex).map { Optional($0) })
    }
}

/// A forecasting model the rolling-origin backtest can score: fitted on a training panel, it
/// draws paths of every district's element ratings.
public protocol ForecastModel: Sendable {
    /// The name written in `backtest.csv` (e.g. `last-value`, `markov`, `integer-pace`).
    var name: String { get }

    /// Fit on `training` and draw `draws` paths of each of its districts, from the year after the
    /// district's latest snapshot to `horizon` (no years when the latest snapshot is the horizon).
    /// - Parameters:
    ///   - training: the data up to the cut year (nothing later).
    ///   - events: dated events up to the cut year only (for models that estimate event rates);
    ///     nil when there is no events file.
    ///   - seed: the same seed gives the same paths.
    /// - Returns: one `PathSamples` per district of `training`, in its order.
    func paths(training: Panel, events: EventTable?, horizon: Int, draws: Int, seed: UInt64) throws -> [PathSamples]
}
