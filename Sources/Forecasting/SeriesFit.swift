import RatingsData

/// The fitted trajectory of one (district, element) series.
public struct SeriesFit: Equatable, Sendable {
    /// District index (panel order).
    public var district: Int
    /// Element index (framework order).
    public var element: Int
    /// Fitted score at the district's latest observed year (score points, unclamped).
    public var level: Double
    /// The year `level` refers to.
    public var levelYear: Int
    /// Pooled slope (score points per year) = component effect + district momentum + shrunken deviation.
    public var slope: Double
    /// Standard deviation of the slope's prediction error (score points per year).
    public var slopeSD: Double
    /// Number of ratings in the series.
    public var observations: Int
    /// Mean of the series' observed years (its level αₛ is the fitted score there).
    public var meanYear: Double
    /// Mean of the series' ratings: the estimate of αₛ.
    public var meanScore: Double

    /// Fitted score in `year` (unclamped), score points.
    public func predicted(at year: Int) -> Double {
        meanScore + slope * (Double(year) - meanYear)
    }

    /// Standard deviation of a new rating in `year` around `predicted(at:)`: noise σ, the
    /// level's error σ²/n and the slope's error, which are independent because time is
    /// centred within the series.
    public func predictionSD(at year: Int, residualVariance: Double) -> Double {
        let lever = Double(year) - meanYear
        return (residualVariance * (1 + 1 / Double(observations)) + lever * lever * slopeSD * slopeSD).squareRoot()
    }
}
