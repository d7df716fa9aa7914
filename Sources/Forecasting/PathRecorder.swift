import RatingsData

/// Collects one district's simulated element ratings per (draw, year) as a projection draws them:
/// what the rolling-origin backtest scores. Projections keep only summaries otherwise.
public final class PathRecorder {
    public let yearCount: Int
    public let draws: Int
    public let elementCount: Int
    /// `ratings[(draw * yearCount + yearIndex) * elementCount + element]`, as in `PathSamples`.
    public private(set) var ratings: [Double]

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
