/// Which element scores the spread is computed on (docs/domain.md §3).
public enum SpreadBasis: String, CaseIterable, Sendable {
    /// The district's most recent snapshot (the paper's Figure 4).
    case latest
    /// Each element's mean over all the district's snapshots.
    case overTime = "over-time"
}
