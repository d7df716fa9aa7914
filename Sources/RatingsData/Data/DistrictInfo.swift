/// A district as the engine knows it: its name from the panel, and — when a
/// districts file is given — its state and governance type.
public struct DistrictInfo: Equatable, Hashable, Sendable {
    public var name: String
    public var state: String?
    /// e.g. "elected-board", "mayoral-control", "state-recovery-district".
    public var governance: String?

    public init(name: String, state: String? = nil, governance: String? = nil) {
        self.name = name
        self.state = state
        self.governance = governance
    }
}
