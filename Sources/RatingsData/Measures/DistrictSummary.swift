/// What `describe` reports for one district: the paper's measures on its snapshots.
public struct DistrictSummary: Sendable {
    /// The district (name, state, governance).
    public var district: DistrictInfo
    /// Year of its latest snapshot, which the latest-snapshot measures are of.
    public var latestYear: Int
    /// Years of its snapshots, oldest first.
    public var years: [Int]
    /// Component scores on the latest snapshot, in framework order.
    public var componentScores: [Double]
    /// Mean of the component scores on the latest snapshot (Figure 1).
    public var districtScore: Double
    /// District score of every snapshot, oldest first (Figure 3 histories).
    public var districtScoreHistory: [Double]
    /// Variance of the rated element scores (Figure 4): of the latest snapshot, or of over-time element
    /// means (`PanelDescription.spreadBasis`).
    public var spread: Double
    /// Latest district score − mean district score over all snapshots (Figure 5).
    public var recentProgress: Double
    /// Components whose latest score is at or above the framework's in-progress threshold.
    public var componentsInProgress: Int
    /// Whether that many components in progress make the district advanced under the framework's rule.
    public var advanced: Bool
    /// Figure 4's quadrant under the description's cut-offs.
    public var quadrant: Quadrant
}
