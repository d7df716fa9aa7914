import Forecasting
import RatingsData

/// A mean over Monte Carlo draws with its standard error (sample sd / √n), accumulated draw by draw.
public struct MonteCarloMean: Equatable, Sendable {
    /// Values added so far.
    private(set) var count = 0
    private var sum = 0.0
    private var sumOfSquares = 0.0

    init() {}

    init<S: Sequence>(_ values: S) where S.Element == Double {
        for x in values { add(x) }
    }

    mutating func add(_ x: Double) {
        count += 1
        sum += x
        sumOfSquares += x * x
    }

    /// The mean of the values added (0 before any).
    public var mean: Double { count > 0 ? sum / Double(count) : 0 }

    /// The standard error of the mean; NaN (undefined: written as an empty field) with fewer than two draws.
    public var standardError: Double {
        guard count > 1 else { return .nan }
        let n = Double(count)
        let variance = max(0, (sumOfSquares - sum * sum / n) / (n - 1))
        return (variance / n).squareRoot()
    }
}
