/// The fitted trajectory of one (district, element) series.
public struct SeriesFit: Equatable, Sendable {
    public var district: Int
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
}
