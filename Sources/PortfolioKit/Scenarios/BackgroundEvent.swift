import Foundation

/// An event that may happen to any projected district in any projected year — leadership
/// turnover, community backlash, state takeover — at a yearly probability, acting through its
/// lever's effects. Every scenario carries them unless it says `"background": "off"`: a
/// baseline in which no leader ever leaves is not a forecast.
public struct BackgroundEvent: Sendable {
    /// The levers that happen in the background by default (when the catalogue has them).
    public static var defaultLevers: [String] { BackgroundSetting.levers }

    public var leverID: String
    /// Expected events per district-year (the Poisson rate).
    public var rate: Double
    /// Where the rate came from: the events file's count and exposure, or the scenario's override.
    public var source: Source
    /// The lever's effects (all provisions) with `onset` = the lag after the event year.
    public var effects: [ScenarioPlan.ActiveEffect]

    public enum Source: Sendable, Equatable {
        case estimated(EventRate)
        case overridden
    }

    /// Probability of at least one event in a district-year: 1 − e^(−rate).
    public var probability: Double { 1 - Foundation.exp(-rate) }
}


extension BackgroundEvent {
    /// Each default background lever the catalogue has, at its rate among the panel's districts
    /// in `events` or at its override; a lever with neither is left out.
    public static func estimated(from events: EventTable, panel: Panel, levers: LeverCatalogue,
                                 overrides: [String: Double]) -> [BackgroundEvent] {
        let rates = EventRate.estimate(events, districts: panel.districts.map(\.name), levers: defaultLevers) ?? []
        var out: [BackgroundEvent] = []
        for id in defaultLevers {
            guard let lever = levers.lever(id) else { continue }
            let source: Source
            let rate: Double
            if let given = overrides[id] {
                (rate, source) = (given, .overridden)
            } else if let estimate = rates.first(where: { $0.leverID == id }) {
                (rate, source) = (estimate.rate, .estimated(estimate))
            } else {
                continue
            }
            let effects = lever.effects(provisions: nil).map { effect in
                ScenarioPlan.ActiveEffect(leverID: id, effect: effect, elements: effect.targets.elementIndices(in: panel.framework),
                                          onset: effect.lag, size: effect.size, randomKey: 0)
            }
            out.append(BackgroundEvent(leverID: id, rate: rate, source: source, effects: effects))
        }
        return out
    }
}
