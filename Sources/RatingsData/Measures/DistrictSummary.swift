/// What `describe` reports for one district: the paper's measures on its snapshots.
public struct DistrictSummary: Sendable {
    public var district: DistrictInfo
    public var latestYear: Int
    public var years: [Int]
    /// Component scores on the latest snapshot, in framework order.
    public var componentScores: [Double]
    public var districtScore: Double
    /// District score of every snapshot, oldest first (Figure 3 histories).
    public var districtScoreHistory: [Double]
    public var spread: Double
    /// Latest district score − mean district score over all snapshots (Figure 5).
    public var recentProgress: Double
    public var componentsInProgress: Int
    public var advanced: Bool
    public var quadrant: Quadrant
}
