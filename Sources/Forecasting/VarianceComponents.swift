import RatingsData

/// The two variances of the trajectory model.
public struct VarianceComponents: Equatable, Sendable {
    /// σ²: year-to-year noise of a rating around its series' line (score points²).
    public var residual: Double
    /// τ²: spread of district×component slope deviations ((score points / year)²).
    public var deviation: Double

    /// Given variances: σ² in points², τ² in (points/year)².
    public init(residual: Double, deviation: Double) {
        self.residual = residual
        self.deviation = deviation
    }

    /// The ridge penalty λ = σ²/τ² on the deviations in the penalised normal equations.
    public var penalty: Double { residual / deviation }
}
