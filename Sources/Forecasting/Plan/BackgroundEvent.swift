import Foundation
import RatingsData

/// An event that may happen to any projected district in any projected year — leadership
/// turnover, community backlash, state takeover — at a yearly probability, acting through its
/// lever's effects. Every scenario carries them unless it says `"background": "off"`: a
/// baseline in which no leader ever leaves is not a forecast.
public struct BackgroundEvent: Sendable {
    /// The catalogue lever whose effects each event brings.
    public var leverID: String
    /// Expected events per district-year (the Poisson rate).
    public var rate: Double
    /// Where the rate came from: the events file's count and exposure, or the scenario's override.
    public var source: Source
    /// The lever's effects (all provisions) with `onset` = the lag after the event year.
    public var effects: [ScenarioPlan.ActiveEffect]

    package init(leverID: String, rate: Double, source: Source, effects: [ScenarioPlan.ActiveEffect]) {
        self.leverID = leverID
        self.rate = rate
        self.source = source
        self.effects = effects
    }

    /// Where a rate came from.
    public enum Source: Sendable, Equatable {
        /// Counted in the events file (its count, exposure and interval).
        case estimated(EventRate)
        /// Given by the scenario's `"background"` object.
        case overridden
    }

    /// Probability of at least one event in a district-year: 1 − e^(−rate).
    public var probability: Double { 1 - Foundation.exp(-rate) }
}
