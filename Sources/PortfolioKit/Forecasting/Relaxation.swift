/// One sticking point relaxed alone, for attribution: the same draws re-run with one thing changed.
public enum Relaxation: Equatable, Sendable {
    case none
    /// Component k moves at least at `pace` points per year (the district's median component
    /// pace), and no ceiling holds on its elements.
    case component(Int, pace: Double)
    /// The named ceiling does not hold.
    case stickingPoint(String)
}
