import Forecasting
import RatingsData

/// A policy lever from the catalogue: named, documented, made of effects, optionally
/// with provisions (named groups of effects an intervention may pick, as a law's sections).
public struct Lever: Equatable, Sendable {
    /// A named group of effects an intervention may pick (`"provisions"`).
    struct Provision: Equatable, Sendable {
        var id: String
        var description: String
        var effects: [Effect]
    }

    /// The id scenarios, events files and sticking points name.
    public var id: String
    /// The display name (the id when the catalogue gives none).
    public var name: String
    /// What the lever is (empty when the catalogue gives none).
    public var description: String
    /// The reasoning from the source paper.
    public var reasoning: String
    /// Effects applied whatever provisions are chosen.
    public var effects: [Effect]
    var provisions: [Provision]

    /// Effects for an intervention choosing `provisions` (nil: all provisions).
    public func effects(provisions chosen: [String]?) -> [Effect] {
        effects + provisions.filter { chosen?.contains($0.id) ?? true }.flatMap(\.effects)
    }

    /// Every effect id, for override validation.
    public var allEffectIDs: [String] { (effects + provisions.flatMap(\.effects)).map(\.id) }
}
