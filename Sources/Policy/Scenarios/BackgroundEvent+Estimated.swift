import Forecasting
import Foundation
import RatingsData

extension BackgroundEvent {
    /// The levers that happen in the background by default (when the catalogue has them).
    public static var defaultLevers: [String] { BackgroundSetting.levers }
    /// Each default background lever the catalogue has, at its rate among the panel's districts
    /// in `events` or at its override; a lever with neither is left out.
    public static func estimated(
        from events: EventTable, panel: Panel, levers: LeverCatalogue,
        overrides: [String: Double]
    ) -> [BackgroundEvent] {
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
                ScenarioPlan.ActiveEffect(
                    leverID: id, effect: effect, elements: effect.targets.elementIndices(in: panel.framework),
                    onset: effect.lag, size: effect.size, randomKey: 0)
            }
            out.append(BackgroundEvent(leverID: id, rate: rate, source: source, effects: effects))
        }
        return out
    }
}
