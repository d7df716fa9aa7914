import Forecasting
import RatingsData

/// A bundle of sticking points relaxed together in one district (`relaxation-bundles.csv`).
public struct BundleGain: Equatable, Sendable {
    public var district: String
    public var bundle: String
    /// P(advanced by the horizon), unrelaxed and with the bundle relaxed.
    public var pAdvanced: Double
    public var pRelaxed: Double
    /// The paired gain in P(advanced by the horizon) and the years gained, with their Monte Carlo SEs.
    public var pGain: MonteCarloMean
    public var yearsGained: MonteCarloMean
}
