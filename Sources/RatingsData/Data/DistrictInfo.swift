/// A district as the engine knows it: its name from the panel, and — when a
/// districts file is given — its state and governance type.
public struct DistrictInfo: Equatable, Hashable, Sendable {
    /// The district's name as the panel spells it; the key every other file joins on.
    public var name: String
    /// Two-letter state, from the districts file; nil when no districts file gives it.
    public var state: String?
    /// e.g. "elected-board", "mayoral-control", "state-recovery-district".
    public var governance: String?

    /// A district; state and governance are nil when unknown.
    public init(name: String, state: String? = nil, governance: String? = nil) {
        self.name = name
        self.state = state
        self.governance = governance
    }
}
