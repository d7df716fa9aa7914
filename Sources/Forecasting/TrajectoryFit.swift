import RatingsData

/// A fitted trajectory model (see `TrajectoryModel` for the equations).
public struct TrajectoryFit: Sendable {
    /// σ² (residual) and τ² (deviation), estimated or given (`varianceSource`).
    public var variance: VarianceComponents
    /// "REML" when estimated, "given" when supplied by the caller.
    public var varianceSource: String
    /// μₖ: network slope of each component (score points per year), framework order.
    public var componentSlope: [Double]
    /// Standard error of each component slope μₖ (points per year).
    public var componentSlopeSD: [Double]
    /// mᵈ: district momentum (score points per year, sum zero over districts with time variation; 0 for others).
    public var districtMomentum: [Double]
    /// Whether district d had any time variation to estimate its momentum from.
    public var districtIdentified: [Bool]
    /// β̃ᵈₖ: pooled slope of district d's component k, and its prediction-error sd.
    public var slope: [[Double]]
    /// Prediction sd of `slope[d][k]` (points per year), fixed-effect uncertainty included.
    public var slopeSD: [[Double]]
    /// One entry per observed (district, element) series.
    public var series: [SeriesFit]
    /// Restricted log-likelihood at the estimate (constants dropped).
    public var restrictedLogLikelihood: Double
    /// Ratings the fit used.
    public var observations: Int
    /// Residual degrees of freedom within district×component cells.
    public var residualDegreesOfFreedom: Int
}
