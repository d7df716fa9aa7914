/// The two cut-offs of the paper's Figure 4.
public struct QuadrantCutoffs: Equatable, Sendable {
    /// A district is "strong" when its district score is at least this.
    public var strongAtLeast: Double
    /// A district is "piecemeal" when its spread (element-score variance) is above this.
    public var piecemealAbove: Double

    /// Cut-offs on the district score and on the spread.
    public init(strongAtLeast: Double, piecemealAbove: Double) {
        self.strongAtLeast = strongAtLeast
        self.piecemealAbove = piecemealAbove
    }
}
