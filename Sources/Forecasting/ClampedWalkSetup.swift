import RatingsData

/// What one district's clamped-walk projection (`ClampedWalkProjection`) fixes before its first
/// draw: the projected years, the order the inner loop visits elements in, each element's upper
/// bound each year, and the starting ratings. None of it depends on the draw.
///
/// Slots: the inner loop runs component by component, so slot j holds element `order[j]`
/// (`slotOf` maps back) and component k's slots are `componentStart[k] ..< componentStart[k + 1]`.
struct ClampedWalkSetup {
    let district: DistrictInfo
    /// The scenario's relaxation merged with the district plan's own.
    let relaxation: Relaxation
    let effects: [ScenarioPlan.ActiveEffect]
    let hasEffects: Bool
    /// Per effect: the slots of the elements it acts on.
    let effectSlots: [[Int]]
    let elementCount: Int
    let componentCount: Int
    /// The scale's bottom, which no rating goes below.
    let lo: Double
    /// The district's latest observed year; the projection runs `years` = startYear + 1 … horizon.
    let startYear: Int
    let years: [Int]
    let slotOf: [Int]
    let componentStart: [Int]
    /// `upper[yearIndex · elementCount + slot]`: the scale's top or the lowest ceiling that holds.
    let upper: [Double]
    /// Per component (framework order): the estimated drift and its sd (points/year).
    let driftMean: [Double]
    let driftSD: [Double]
    /// The sd of the year-to-year persistence noise (points).
    let noiseSD: Double
    /// Starting ratings by slot, and which components start in progress.
    let startSlots: [Double]
    let startInProgress: [Bool]
    let currentScore: Double
    let advancedNow: Bool
    /// Components in progress the advanced rule needs (`Int.max` when no count is enough).
    let needed: Int
    let threshold: Double

    init(_ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int, relaxation: Relaxation) {
        let fw = f.framework
        let d = plan.district
        let relaxation = relaxation.merged(with: plan.relaxation)
        let elementCount = fw.elements.count
        let componentCount = fw.components.count
        let t0 = f.startYear[d]
        let years = t0 < horizon ? Array((t0 + 1)...horizon) : []
        let start = Array(f.start[(d * elementCount)..<((d + 1) * elementCount)])
        let order = fw.elementsByComponent.flatMap { $0 }
        var componentStart = [0]
        for group in fw.elementsByComponent { componentStart.append(componentStart.last! + group.count) }
        var slotOf = [Int](repeating: 0, count: elementCount)
        for (j, e) in order.enumerated() { slotOf[e] = j }
        let startComponents = fw.componentScores(start.map { Optional($0) })
        self.district = f.districts[d]
        self.relaxation = relaxation
        effects = plan.effects
        hasEffects = !plan.effects.isEmpty
        effectSlots = plan.effects.map { $0.elements.map { slotOf[$0] } }
        self.elementCount = elementCount
        self.componentCount = componentCount
        lo = Double(fw.minimumScore)
        startYear = t0
        self.years = years
        self.slotOf = slotOf
        self.componentStart = componentStart
        upper = Self.upperBounds(
            fw, plan, relaxation: relaxation, start: start, years: years, slotOf: slotOf)
        driftMean = Array(f.drift[(d * componentCount)..<((d + 1) * componentCount)])
        driftSD = Array(f.driftSD[(d * componentCount)..<((d + 1) * componentCount)])
        noiseSD = f.stepVariance.squareRoot()
        startSlots = order.map { start[$0] }
        threshold = fw.inProgressThreshold
        startInProgress = startComponents.map { $0 >= fw.inProgressThreshold }
        currentScore = fw.districtScore(componentScores: startComponents)
        advancedNow = fw.isAdvanced(componentScores: startComponents)
        needed =
            (0...componentCount).first { fw.advancedRule.isAdvanced(componentsInProgress: $0, of: componentCount) }
            ?? Int.max
    }

    /// Upper bound of each slot each year: the scale's top or the lowest ceiling that holds (a
    /// ceiling below the scale's bottom holds at the bottom). A sticking point's cap is never below
    /// the starting rating and holds until its earliest lift year.
    private static func upperBounds(
        _ fw: Framework, _ plan: ScenarioPlan.DistrictPlan, relaxation: Relaxation, start: [Double],
        years: [Int], slotOf: [Int]
    ) -> [Double] {
        let elementCount = fw.elements.count
        let lo = Double(fw.minimumScore)
        let componentOf = fw.elements.map(\.componentIndex)
        var ceilings: [(cap: [Double], until: Int)] = []
        for point in plan.stickingPoints {
            if relaxation.liftedCeilings.contains(point.id) { continue }
            var cap = [Double](repeating: .infinity, count: elementCount)
            for e in point.targets.elementIndices(in: fw) {
                if relaxation.freedComponents.contains(componentOf[e]) { continue }  // a relaxed component is free
                cap[e] = max(point.maximum, start[e])
            }
            ceilings.append((cap: cap, until: plan.liftYear(of: point.id)))
        }
        var upper = [Double](repeating: Double(fw.maximumScore), count: max(1, years.count * elementCount))
        for (yi, t) in years.enumerated() {
            for c in ceilings where t < c.until {
                for e in 0..<elementCount where c.cap[e] < .infinity {
                    let j = yi * elementCount + slotOf[e]
                    upper[j] = min(upper[j], max(c.cap[e], lo))
                }
            }
        }
        return upper
    }
}
