import Forecasting
import RatingsData

/// A bundle of sticking points relaxed together in one district (`relaxation-bundles.csv`).
public struct BundleGain: Equatable, Sendable {
    /// The district's name.
    public var district: String
    /// `all` (every sticking point that holds in the district) or a catalogue or scenario bundle's name.
    public var bundle: String
    /// P(advanced by the horizon) as projected, nothing relaxed.
    public var pAdvanced: Double
    /// P(advanced by the horizon) with the bundle relaxed.
    public var pRelaxed: Double
    /// The paired gain in P(advanced by the horizon), with its Monte Carlo SE.
    public var pGain: MonteCarloMean
    /// The paired years gained (a draw not advanced by the horizon counts as horizon + 1), with its
    /// Monte Carlo SE.
    public var yearsGained: MonteCarloMean
}
