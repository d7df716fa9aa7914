import RatingsData

/// Collects one district's simulated element ratings per (draw, year) as a projection draws them:
/// what the rolling-origin backtest scores. Projections keep only summaries otherwise.
public final class PathRecorder {
    /// Projected years per path.
    public let yearCount: Int
    /// Number of paths (draws).
    public let draws: Int
    /// Elements per year, in framework order.
    public let elementCount: Int
    /// `ratings[(draw * yearCount + yearIndex) * elementCount + element]`, as in `PathSamples`.
    public private(set) var ratings: [Double]

    /// An empty recorder (every rating 0) for `draws` paths of `yearCount` years.
    public init(yearCount: Int, draws: Int, elementCount: Int) {
        self.yearCount = yearCount
        self.draws = draws
        self.elementCount = elementCount
        ratings = [Double](repeating: 0, count: yearCount * draws * elementCount)
    }

    @inline(__always)
    func set(_ value: Double, draw: Int, yearIndex: Int, element: Int) {
        ratings[(draw * yearCount + yearIndex) * elementCount + element] = value
    }
}
