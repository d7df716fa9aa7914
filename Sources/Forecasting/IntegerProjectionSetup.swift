import RatingsData

/// What the integer projection of one district needs that does not depend on the draw.
final class IntegerProjectionSetup {
    /// A sticking point that holds in the district: the latent cap on each element (∞ where it
    /// does not apply; else the capped level itself, the middle of its cell, so that progress
    /// resumes from there — half a level from the next — once the ceiling is lifted) and the first year it no longer holds (from the plan's lift-ceiling effects).
    struct Ceiling {
        var id: String
        var latentCap: [Double]
        var liftYear: Int
    }

    let forecaster: DriftForecaster
    let plan: ScenarioPlan.DistrictPlan
    let grid: LevelGrid
    let elementCount: Int
    let componentCount: Int
    /// Elements in component order, and where each component's run starts in it (count + 1 entries).
    let order: [Int]
    let componentStart: [Int]
    /// The slot of each element in `order`.
    let slotOf: [Int]
    let componentOf: [Int]
    /// Latest observed year and the projected years after it.
    let startYear: Int
    let years: [Int]
    /// Each element's rating in the latest year (a level of the scale).
    let startLevel: [Double]
    /// The district's pace per component (points/year) and its sd, from the fit.
    let drift: [Double]
    let driftSD: [Double]
    /// How paces change: each year a pace's deviation from `networkPace` is multiplied by
    /// `persistence` and renewed by shocks of sd `√(1 − φ²)·σ` (shared and own).
    let networkPace: [Double]
    let persistence: Double
    let commonShockSD: Double
    let ownShockSD: Double
    /// Per component, from the relaxation: the pace it moves at least at (−∞: none) and the
    /// points a year added to its pace (0: none); `relaxesPace` when any is set.
    let paceFloor: [Double]
    let extraPace: [Double]
    let relaxesPace: Bool
    let ceilings: [Ceiling]
    /// Each background event's probability in a year (`BackgroundEvent.probability`, computed once).
    let backgroundProbability: [Double]
    /// The plan's effects and, per background event, its effects, as plain rules; their
    /// elements lie in `ruleElements`. Each ceiling's caps, `ceilingCaps[ceiling × elements + e]`.
    let effectRules: [EffectRule]
    let backgroundRules: [[EffectRule]]
    let ruleElements: [Int]
    let ceilingCaps: [Double]
    /// Per background event, per effect: the ceilings (indices in `ceilings`) its lift-ceiling effect lifts.
    let backgroundLifts: [[[Int]]]
    /// 1/(1 − share of years stalled by background events): the factor on a rising move in a
    /// year without a stall. The fitted pace is the average over the panel's years, stalls
    /// included, so without it the background stalls would be counted twice.
    let unstalledBoost: Double
    let startComponents: [Double]
    let advancedNow: Bool
    /// Components in progress needed to be advanced.
    let needed: Int
    let threshold: Double

    init(_ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int, relaxation: Relaxation) {
        let fw = f.framework
        let d = plan.district
        forecaster = f
        self.plan = plan
        grid = LevelGrid(fw)
        elementCount = fw.elements.count
        componentCount = fw.components.count
        order = fw.elementsByComponent.flatMap { $0 }
        componentStart = fw.elementsByComponent.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var slots = [Int](repeating: 0, count: fw.elements.count)
        for (j, e) in order.enumerated() { slots[e] = j }
        slotOf = slots
        componentOf = fw.elements.map(\.componentIndex)
        startYear = f.startYear[d]
        years = startYear < horizon ? Array((startYear + 1)...horizon) : []
        let grid = self.grid
        startLevel = (0..<elementCount).map { grid.level(f.start[d * fw.elements.count + $0]) }
        drift = Array(f.drift[(d * componentCount)..<((d + 1) * componentCount)])
        driftSD = Array(f.driftSD[(d * componentCount)..<((d + 1) * componentCount)])
        let change = f.networkPace.count == componentCount ? f.paceChange : .none
        networkPace = change == .none ? [Double](repeating: 0, count: componentCount) : f.networkPace
        persistence = change.persistence
        let renewal = (1 - change.persistence * change.persistence).squareRoot()
        commonShockSD = renewal * change.commonSD
        ownShockSD = renewal * change.ownSD
        let relaxation = relaxation.merged(with: plan.relaxation)
        (paceFloor, extraPace) = relaxation.paceArrays(componentCount: componentCount)
        relaxesPace = !relaxation.paceFloor.isEmpty || !relaxation.extraPace.isEmpty
        ceilings = IntegerProjectionSetup.ceilings(
            plan, grid: grid, start: startLevel, componentOf: componentOf,
            framework: fw, relaxation: relaxation)
        backgroundProbability = plan.background.map(\.probability)
        var flat: [Int] = []
        effectRules = plan.effects.map { EffectRule($0, elements: &flat) }
        backgroundRules = plan.background.map { $0.effects.map { EffectRule($0, elements: &flat) } }
        ruleElements = flat
        ceilingCaps = ceilings.flatMap(\.latentCap)
        let ceilingIDs = ceilings.map(\.id)
        backgroundLifts = plan.background.map { event in
            event.effects.map { a in
                a.effect.kind == .liftCeiling
                    ? ceilingIDs.indices.filter { a.effect.stickingPoints.contains(ceilingIDs[$0]) } : []
            }
        }
        unstalledBoost = 1 / (1 - IntegerProjectionSetup.stalledShare(plan.background))
        startComponents = fw.componentScores(startLevel.map { Optional($0) })
        advancedNow = fw.isAdvanced(componentScores: startComponents)
        needed = fw.advancedRule.minimumComponents(of: componentCount)
        threshold = fw.inProgressThreshold
    }

    /// The expected share of years a district spends stalled by background events (at most 0.9):
    /// each stall effect's yearly probability times its mean length in years.
    static func stalledShare(_ background: [BackgroundEvent]) -> Double {
        var share = 0.0
        for event in background {
            for a in event.effects where a.effect.kind == .stall {
                share += event.probability * max(0, a.size.mean.rounded())
            }
        }
        return min(share, 0.9)
    }

    /// The sticking points that hold, as latent caps: a ceiling never lowers a rating already
    /// above it (its cap is the higher of its maximum and the starting rating); the relaxation's
    /// freed components' elements and its lifted ceilings are free.
    static func ceilings(
        _ plan: ScenarioPlan.DistrictPlan, grid: LevelGrid, start: [Double], componentOf: [Int],
        framework fw: Framework, relaxation: Relaxation
    ) -> [Ceiling] {
        var out: [Ceiling] = []
        for point in plan.stickingPoints {
            if relaxation.liftedCeilings.contains(point.id) { continue }
            var cap = [Double](repeating: .infinity, count: start.count)
            for e in point.targets.elementIndices(in: fw) {
                if relaxation.freedComponents.contains(componentOf[e]) { continue }
                cap[e] = grid.levelAtOrBelow(max(point.maximum, start[e]))
            }
            let lift = plan.liftYear(of: point.id)
            out.append(Ceiling(id: point.id, latentCap: cap, liftYear: lift))
        }
        return out
    }
}

extension LevelGrid {
    /// The highest level at or below `x` (the lowest level when `x` is below the scale).
    func levelAtOrBelow(_ x: Double) -> Double {
        values.last { $0 <= x } ?? lowest
    }
}
