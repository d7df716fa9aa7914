import Forecasting
import RatingsData

/// A policy lever from the catalogue: named, documented, made of effects, optionally
/// with provisions (named groups of effects an intervention may pick, as a law's sections).
public struct Lever: Equatable, Sendable {
    public struct Provision: Equatable, Sendable {
        public var id: String
        public var description: String
        public var effects: [Effect]
    }

    public var id: String
    public var name: String
    public var description: String
    /// The reasoning from the source paper.
    public var reasoning: String
    /// Effects applied whatever provisions are chosen.
    public var effects: [Effect]
    public var provisions: [Provision]

    /// Effects for an intervention choosing `provisions` (nil: all provisions).
    public func effects(provisions chosen: [String]?) -> [Effect] {
        effects + provisions.filter { chosen?.contains($0.id) ?? true }.flatMap(\.effects)
    }

    /// Every effect id, for override validation.
    public var allEffectIDs: [String] { (effects + provisions.flatMap(\.effects)).map(\.id) }
}
