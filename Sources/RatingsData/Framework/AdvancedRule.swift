/// When a district counts as "advanced": enough of its components rated in progress or better.
public enum AdvancedRule: Equatable, Sendable, CustomStringConvertible {
    /// More than `fraction` of the components (CRPE: more than half, 0.5).
    case moreThanFraction(Double)
    /// At least `count` components.
    case atLeast(Int)

    /// Whether `inProgress` of `components` components in progress makes a district advanced.
    public func isAdvanced(componentsInProgress inProgress: Int, of components: Int) -> Bool {
        switch self {
        case .moreThanFraction(let f): return Double(inProgress) > f * Double(components)
        case .atLeast(let n): return inProgress >= n
        }
    }

    /// The smallest number of components in progress that makes a district advanced.
    public func minimumComponents(of components: Int) -> Int {
        (0...components).first { isAdvanced(componentsInProgress: $0, of: components) } ?? components + 1
    }

    /// The rule in words, as reports print it.
    public var description: String {
        switch self {
        case .moreThanFraction(let f):
            return "more than \(f == 0.5 ? "half" : "\(f) ") of the components in progress or better"
        case .atLeast(let n): return "at least \(n) components in progress or better"
        }
    }
}
