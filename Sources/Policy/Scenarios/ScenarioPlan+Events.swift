import Forecasting
import RatingsData

extension ScenarioPlan {
    /// The background events of a scenario: each default background lever the catalogue has, at
    /// its rate in the events file (or the scenario's override). None when the scenario says
    /// `"background": "off"`; only overridden ones when there is no events file.
    static func backgroundEvents(
        _ scenario: Scenario, events: EventTable?, panel: Panel,
        levers: LeverCatalogue
    ) throws(Diagnostic) -> [BackgroundEvent] {
        guard case .on(let overrides) = scenario.background else { return [] }
        for lever in overrides.keys.sorted() where levers.lever(lever) == nil {
            throw .error(
                at: scenario.backgroundLocation,
                "background lever \"\(lever)\" is not in the lever catalogue \(scenario.levers)")
        }
        return BackgroundEvent.estimated(
            from: events ?? EventTable(file: "", events: []), panel: panel, levers: levers,
            overrides: overrides)
    }

    /// Known future events: every event of a projected district dated after its latest snapshot
    /// and no later than the horizon acts like an intervention of its lever (all provisions,
    /// the catalogue's sizes). Events of districts outside the panel are not used.
    static func futureEvents(
        _ events: EventTable?, panel: Panel, levers: LeverCatalogue,
        horizon: Int
    ) throws(Diagnostic) -> (effects: [[ActiveEffect]], events: [[EventTable.Event]]) {
        var out = [[ActiveEffect]](repeating: [], count: panel.districts.count)
        var used = [[EventTable.Event]](repeating: [], count: panel.districts.count)
        guard let events else { return (out, used) }
        for event in events.events {
            guard let lever = levers.lever(event.lever) else {
                throw .error(
                    at: event.location,
                    "unknown lever \"\(event.lever)\"; \(Suggestion.expectedOneOf(levers.levers.map(\.id)))")
            }
            guard let d = panel.districtIndex(named: event.district),
                event.year > panel.latestSnapshot(ofDistrict: d).year, event.year <= horizon
            else { continue }
            used[d].append(event)
            for effect in lever.effects(provisions: nil) {
                let key = mixKey([lever.id, effect.id, event.district, String(event.year), "event"])
                out[d].append(
                    ActiveEffect(
                        leverID: lever.id, effect: effect, elements: effect.targets.elementIndices(in: panel.framework),
                        onset: event.year + effect.lag, size: effect.size, randomKey: key))
            }
        }
        return (out, used)
    }
}
