import Forecasting
import RatingsData

extension ScenarioPlan {
    /// Resolve a scenario against its loaded inputs: the districts it projects, each with the
    /// effects of its interventions and of the events file's known future events, the sticking
    /// points that hold in it, the background events and what `"relax"` interventions relax.
    /// - Throws: a located error (in the scenario file, or the events file for its levers) for any
    ///   name not found, year out of range or intervention that would apply twice.
    public static func resolve(
        _ scenario: Scenario, panel: Panel, levers: LeverCatalogue,
        stickingPoints: StickingPointCatalogue,
        events: EventTable? = nil
    ) throws(Diagnostic) -> ScenarioPlan {
        let selected = try selectDistricts(scenario, panel: panel)
        try checkHorizon(scenario, panel: panel)
        let effectsByDistrict = try interventionEffects(scenario, panel: panel, levers: levers)
        try EventRemoval.check(scenario.removals, events: events, panel: panel, scenario: scenario)
        let kept = events.map { table in
            EventTable(
                file: table.file, events: table.events.filter { e in !scenario.removals.contains { $0.matches(e) } })
        }
        let known = try futureEvents(kept, panel: panel, levers: levers, horizon: scenario.horizon)
        // A retrospective run's rates come from the events up to its cut, as it would have known them.
        let past = scenario.from.flatMap { from in
            kept.map { EventTable(file: $0.file, events: $0.events.filter { $0.year <= from }) }
        }
        let background = try backgroundEvents(scenario, events: past ?? kept, panel: panel, levers: levers)
        let relaxations = try resolveRelaxations(scenario, panel: panel, stickingPoints: stickingPoints)
        let plans = selected.map { d in
            DistrictPlan(
                district: d, effects: effectsByDistrict[d] + known.effects[d],
                stickingPoints: stickingPoints.points.filter { $0.applies(to: panel.districts[d]) },
                background: background, relaxation: relaxations[d])
        }
        var plan = ScenarioPlan(districts: plans, horizon: scenario.horizon)
        plan.knownEvents = selected.flatMap { known.events[$0] }
        return plan
    }

    /// The panel indices of the scenario's `"districts"` in the order given (every district when
    /// it names none); each must be a panel district, named once.
    private static func selectDistricts(_ scenario: Scenario, panel: Panel) throws(Diagnostic) -> [Int] {
        guard let names = scenario.districts else { return Array(panel.districts.indices) }
        guard !names.isEmpty else {
            throw .error(
                at: scenario.districtsLocation,
                "\"districts\" is empty; expected at least one district (leave the key out to project them all)")
        }
        var selected: [Int] = []
        for name in names {
            guard let d = panel.districtIndex(named: name) else {
                throw .error(
                    at: scenario.districtsLocation,
                    "unknown district \"\(name)\"\(Suggestion.didYouMean(name, among: panel.districts.map(\.name))); expected one of the panel's: \(panel.districts.map(\.name).joined(separator: ", "))"
                )
            }
            guard !selected.contains(d) else {
                throw .error(
                    at: scenario.districtsLocation,
                    "district \"\(name)\" is listed twice; expected each district once")
            }
            selected.append(d)
        }
        return selected
    }

    /// The horizon is no earlier than the last data year and at most 100 years past it.
    private static func checkHorizon(_ scenario: Scenario, panel: Panel) throws(Diagnostic) {
        let lastData = panel.years.last!
        guard scenario.horizon >= lastData else {
            throw .error(
                at: scenario.horizonLocation,
                "horizon \(scenario.horizon) is before the last data year \(lastData); expected a year ≥ \(lastData)")
        }
        guard scenario.horizon <= lastData + 100 else {
            throw .error(
                at: scenario.horizonLocation,
                "horizon \(scenario.horizon) is more than 100 years past the data; expected a year ≤ \(lastData + 100)")
        }
    }

    /// Per panel district, the effects of the scenario's lever interventions, each checked
    /// against the catalogue and the panel.
    private static func interventionEffects(_ scenario: Scenario, panel: Panel, levers: LeverCatalogue)
        throws(Diagnostic) -> [[ActiveEffect]]
    {
        var effectsByDistrict = [[ActiveEffect]](repeating: [], count: panel.districts.count)
        try rejectDuplicates(scenario.interventions)
        var applied: [String: SourceLocation] = [:]  // lever|year|district → where, however the district was named
        for intervention in scenario.interventions {
            let lever = try checkedLever(intervention, levers: levers, panel: panel, horizon: scenario.horizon)
            let targets = try resolveTargets(intervention.target, at: intervention.location, panel: panel)
            for d in targets {
                try checkApplication(
                    intervention, lever: lever, district: d, panel: panel, from: scenario.from, applied: &applied)
            }
            for effect in lever.effects(provisions: intervention.provisions) {
                for d in targets {
                    let key = mixKey([lever.id, effect.id, panel.districts[d].name, String(intervention.year)])
                    effectsByDistrict[d].append(
                        ActiveEffect(
                            leverID: lever.id, effect: effect,
                            elements: effect.targets.elementIndices(in: panel.framework),
                            onset: intervention.year + effect.lag,
                            size: intervention.overrides[effect.id] ?? effect.size,
                            randomKey: key))
                }
            }
        }
        return effectsByDistrict
    }

    /// The intervention's lever, once its year lies between the first data year and the horizon
    /// and its provisions and overrides name the lever's own.
    private static func checkedLever(
        _ intervention: Intervention, levers: LeverCatalogue, panel: Panel, horizon: Int
    ) throws(Diagnostic) -> Lever {
        let at = intervention.location
        guard let lever = levers.lever(intervention.lever) else {
            throw .error(
                at: at,
                "unknown lever \"\(intervention.lever)\"\(Suggestion.didYouMean(intervention.lever, among: levers.levers.map(\.id))); \(Suggestion.expectedOneOf(levers.levers.map(\.id)))"
            )
        }
        guard intervention.year >= panel.years.first!, intervention.year <= horizon else {
            throw .error(
                at: at,
                "year \(intervention.year) is outside \(panel.years.first!)–\(horizon); expected a year between the first data year and the horizon"
            )
        }
        if let chosen = intervention.provisions {
            for p in chosen where !lever.provisions.contains(where: { $0.id == p }) {
                throw .error(
                    at: at,
                    "lever \"\(lever.id)\" has no provision \"\(p)\"\(Suggestion.didYouMean(p, among: lever.provisions.map(\.id))); \(Suggestion.expectedOneOf(lever.provisions.map(\.id)))"
                )
            }
        }
        for key in intervention.overrides.keys.sorted() where !lever.allEffectIDs.contains(key) {
            throw .error(
                at: at,
                "lever \"\(lever.id)\" has no effect \"\(key)\" to override; \(Suggestion.expectedOneOf(lever.allEffectIDs))"
            )
        }
        return lever
    }

    /// The intervention acts in district `d` only after its latest snapshot, and no other
    /// intervention applies the same lever in the same year there (`applied`: lever|year|district
    /// → where, however the district was named).
    private static func checkApplication(
        _ intervention: Intervention, lever: Lever, district d: Int, panel: Panel, from: Int?,
        applied: inout [String: SourceLocation]
    ) throws(Diagnostic) {
        let at = intervention.location
        let latest = panel.latestSnapshot(ofDistrict: d).year
        guard intervention.year > latest else {
            let retrospective =
                from == nil
                ? "a retrospective run that fits the data up to an earlier year, \"from\": \(intervention.year - 1)"
                : "an earlier \"from\""
            throw .error(
                at: at,
                "year \(intervention.year) is not after \(panel.districts[d].name)'s latest snapshot (\(latest)): effects act only on projected years, so part of this lever would be silently lost; expected a year after \(latest), or \(retrospective)"
            )
        }
        let key = "\(lever.id)|\(intervention.year)|\(d)"
        if let first = applied[key] {
            throw .error(
                at: at,
                "applies \(lever.id) in \(intervention.year) to \(panel.districts[d].name) again (also \(first.path ?? "an earlier intervention"), line \(first.line.map(String.init) ?? "?")); it would apply twice"
            )
        }
        applied[key] = at
    }
}

extension ScenarioPlan {
    /// An intervention written twice would apply its lever twice: a located error instead.
    static func rejectDuplicates(_ interventions: [Intervention]) throws(Diagnostic) {
        for (i, a) in interventions.enumerated() {
            for b in interventions[..<i] {
                var same = b
                same.location = a.location
                guard same != a else {
                    throw .error(
                        at: a.location,
                        "the same intervention as \(b.location.path ?? "an earlier one") (line \(b.location.line.map(String.init) ?? "?")); it would apply the lever twice"
                    )
                }
            }
        }
    }

    /// The districts an intervention names (each once; states matched exactly, with a suggestion).
    static func resolveTargets(_ target: Intervention.Target, at: SourceLocation, panel: Panel) throws(Diagnostic)
        -> [Int]
    {
        let names = panel.districts.map(\.name)
        func index(_ name: String) throws(Diagnostic) -> Int {
            guard let d = panel.districtIndex(named: name) else {
                throw .error(
                    at: at,
                    "unknown district \"\(name)\"\(Suggestion.didYouMean(name, among: names)); expected one of the panel's districts"
                )
            }
            return d
        }
        switch target {
        case .district(let name):
            return [try index(name)]
        case .districts(let list):
            guard !list.isEmpty else { throw .error(at: at, "\"districts\" is empty; expected at least one district") }
            var out: [Int] = []
            for name in list {
                let d = try index(name)
                guard !out.contains(d) else {
                    throw .error(at: at, "district \"\(name)\" is listed twice; it would get the lever twice")
                }
                out.append(d)
            }
            return out
        case .state(let state):
            let targets = panel.districts.indices.filter { panel.districts[$0].state == state }
            guard !targets.isEmpty else {
                let states = Array(Set(panel.districts.compactMap(\.state))).sorted()
                throw .error(
                    at: at,
                    "no district in state \"\(state)\"\(Suggestion.didYouMean(state, among: states)) (states match exactly); \(Suggestion.expectedOneOf(states, none: "the districts file gives no states"))"
                )
            }
            return targets
        }
    }

    /// Per district, what the scenario's `"relax"` interventions relax: each named component moves
    /// at its own pace plus the extra pace with no ceiling on its elements; each named ceiling is lifted.
    static func resolveRelaxations(
        _ scenario: Scenario, panel: Panel,
        stickingPoints: StickingPointCatalogue
    ) throws(Diagnostic) -> [Relaxation] {
        let fw = panel.framework
        var out = [Relaxation](repeating: .none, count: panel.districts.count)
        for relax in scenario.relaxations {
            var add = Relaxation()
            if let twice = relax.stickingPoints.enumerated().first(where: {
                relax.stickingPoints[..<$0.offset].contains($0.element)
            }) {
                throw .error(
                    at: relax.location,
                    "\"\(twice.element)\" is named twice in relax.stickingPoints; expected each once")
            }
            for name in relax.stickingPoints {
                if let k = fw.components.firstIndex(where: { $0.shortName == name }) {
                    add.freedComponents.insert(k)
                    add.extraPace[k] = relax.extraPace
                } else if stickingPoints.points.contains(where: { $0.id == name }) {
                    add.liftedCeilings.insert(name)
                } else {
                    throw .error(
                        at: relax.location,
                        "unknown sticking point \"\(name)\" to relax; expected a component (\(fw.components.map(\.shortName).joined(separator: ", "))) or a ceiling (\(stickingPoints.points.map(\.id).joined(separator: ", ")))"
                    )
                }
            }
            for d in try resolveTargets(relax.target, at: relax.location, panel: panel) {
                out[d] = out[d].merged(with: add)
            }
        }
        return out
    }
}
