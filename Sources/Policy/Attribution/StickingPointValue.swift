import Forecasting
import RatingsData

/// What one sticking point of one district is worth (`sticking-points.csv`).
public struct StickingPointValue: Equatable, Sendable {
    /// How it is relaxed; the raw value is the `kind` column.
    public enum Kind: String, Sendable {
        /// A component below "in progress": relaxed to the benchmark pace, ceilings on its elements lifted.
        case component
        /// A ceiling that holds: relaxed by lifting it.
        case ceiling
    }

    /// The district's name.
    public var district: String
    /// Component short name or ceiling id.
    public var stickingPoint: String
    /// Component or ceiling.
    public var kind: Kind
    /// Relaxing it alone makes the district advanced earlier in at least half the draws.
    public var binding: Bool
    /// P(advanced by the horizon) as projected, nothing relaxed.
    public var pAdvanced: Double
    /// P(advanced by the horizon) with only this sticking point relaxed.
    public var pRelaxedAlone: Double
    /// Shapley value of the gain in P(advanced by the horizon), over the district's sticking points, with its Monte Carlo SE.
    public var shapleyPGain: MonteCarloMean
    /// Shapley value of the expected years gained (a draw not advanced by the horizon counts as horizon + 1).
    public var shapleyYears: MonteCarloMean
    /// Years gained when relaxed alone, over draws (not by the horizon counts as horizon + 1).
    public var yearsGained: QuantileSummary
    /// Share of draws advanced earlier when relaxed alone.
    public var pEarlier: Double
    /// For components: share of the draws becoming advanced in which its crossing was decisive; nil for ceilings.
    public var decisiveShare: Double?
}
