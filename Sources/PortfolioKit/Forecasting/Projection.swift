/// Seeded Monte Carlo projection of districts' ratings to a horizon under a scenario plan.
///
/// Each draw of each district: the district×component drifts are drawn from their
/// estimates and sds (parameter uncertainty); each year every rating moves by its drift,
/// the active slope and level effects, and persistence noise N(0, q) (year-to-year noise);
/// lever effect sizes are drawn from their distributions (lever uncertainty). Ratings stay
/// on the scale (clamped each year) and under the sticking-point ceilings that hold. The
/// framework's advanced rule is applied to every simulated year.
///
/// Common random numbers: the drift and noise stream of a (district, draw) depends only on
/// the seed, the district's name and the draw — every scenario consumes it identically — and
/// an effect's size only on the seed, lever, effect, district, year and draw. A difference
/// between two scenarios run with the same seed is the levers, not noise.
public enum Projection {
    public static func run(_ forecaster: DriftForecaster, plan: ScenarioPlan, draws: Int, seed: UInt64,
                           scenario: String, progress: ((Double) -> Void)? = nil) -> ProjectionResult {
        let fw = forecaster.framework
        var out: [DistrictProjection] = []
        for (i, districtPlan) in plan.districts.enumerated() {
            out.append(project(forecaster, districtPlan, horizon: plan.horizon, draws: draws, seed: seed))
            progress?(Double(i + 1) / Double(plan.districts.count))
        }
        return ProjectionResult(scenario: scenario, horizon: plan.horizon, draws: draws, seed: seed,
                                measures: fw.components.map(\.shortName) + ["district"], districts: out)
    }

    /// Project one district. With a relaxation, the same random streams are consumed, so each
    /// draw differs from the unrelaxed one only by the relaxation.
    public static func project(_ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int,
                               draws: Int, seed: UInt64, relaxation: Relaxation = .none) -> DistrictProjection {
        let fw = f.framework
        let d = plan.district
        let elementCount = fw.elements.count, componentCount = fw.components.count
        let lo = Double(fw.minimumScore), hi = Double(fw.maximumScore)
        let t0 = f.startYear[d]
        let years = t0 < horizon ? Array((t0 + 1)...horizon) : []
        let start = Array(f.start[(d * elementCount)..<((d + 1) * elementCount)])
        let componentOf = fw.elements.map(\.componentIndex)
        let noiseSD = f.stepVariance.squareRoot()

        // Sticking-point caps: never below the starting rating; lifted from the earliest lift year.
        struct Ceiling { var cap: [Double]; var until: Int }
        var ceilings: [Ceiling] = []
        for point in plan.stickingPoints {
            if case .stickingPoint(let id) = relaxation, id == point.id { continue }
            var cap = [Double](repeating: .infinity, count: elementCount)
            for e in point.targets.elementIndices(in: fw) {
                if case .component(let k, _) = relaxation, componentOf[e] == k { continue }  // the relaxed component is free
                cap[e] = max(point.maximum, start[e])
            }
            let lift = plan.effects.filter { $0.effect.kind == .liftCeiling && $0.effect.stickingPoints.contains(point.id) }
                .map(\.onset).min() ?? Int.max
            ceilings.append(Ceiling(cap: cap, until: lift))
        }
        // Ceiling caps by year (they do not depend on the draw).
        let yearCaps: [[Double]] = years.map { t in
            var cap = [Double](repeating: .infinity, count: elementCount)
            for c in ceilings where t < c.until {
                for e in 0..<elementCount where c.cap[e] < cap[e] { cap[e] = c.cap[e] }
            }
            return cap
        }

        let startComponents = fw.componentScores(start.map { Optional($0) })
        let currentScore = fw.districtScore(componentScores: startComponents)
        let advancedNow = fw.isAdvanced(componentScores: startComponents)
        let measureCount = componentCount + 1
        // values[year][measure][draw]
        var values = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: draws), count: measureCount), count: years.count)
        var advancedCount = [Int](repeating: 0, count: years.count)
        var advancedYear = [Int?](repeating: nil, count: draws)
        var decisive = [[Int]](repeating: [], count: draws)
        let name = f.districts[d].name
        let componentSize = fw.elementsByComponent.map { Double($0.count) }

        var y = start
        var componentSum = [Double](repeating: 0, count: componentCount)
        var increment = [Double](repeating: 0, count: elementCount)
        var frozen = [Bool](repeating: false, count: elementCount)
        var cap = [Double](repeating: .infinity, count: elementCount)
        var previousInProgress = startComponents.map { $0 >= fw.inProgressThreshold }
        var inProgressNow = previousInProgress
        var drift = [Double](repeating: 0, count: componentCount)
        for r in 0..<draws {
            var rng = SeededGenerator(seed: mixKey([String(seed), "district", name, String(r)]))
            for k in 0..<componentCount {
                drift[k] = f.drift[d * componentCount + k] + f.driftSD[d * componentCount + k] * rng.normal()
            }
            if case .component(let k, let pace) = relaxation { drift[k] = max(drift[k], pace) }
            let sizes = plan.effects.map { e -> Double in
                var effectRNG = SeededGenerator(seed: e.randomKey ^ mixKey([String(seed), String(r)]))
                return e.size.sample(&effectRNG)
            }
            var imposedCap = [[Double]](repeating: [], count: plan.effects.count)
            for e in 0..<elementCount { y[e] = start[e] }
            for k in 0..<componentCount { previousInProgress[k] = startComponents[k] >= fw.inProgressThreshold }
            if advancedNow { advancedYear[r] = t0 }
            for (yi, t) in years.enumerated() {
                for e in 0..<elementCount { increment[e] = 0; frozen[e] = false; cap[e] = yearCaps[yi][e] }
                for (j, a) in plan.effects.enumerated() {
                    let size = sizes[j]
                    let since = t - a.onset  // 0 in the onset year
                    guard since >= 0 else { continue }
                    let active = a.effect.duration.map { since < $0 } ?? true
                    switch a.effect.kind {
                    case .level:
                        if since < a.effect.ramp { for e in a.elements { increment[e] += size / Double(a.effect.ramp) } }
                        if let duration = a.effect.duration, since == duration { for e in a.elements { increment[e] -= size } }
                    case .slope:
                        if active { for e in a.elements { increment[e] += size } }
                    case .stall:
                        if since < Int(max(0, size).rounded()) { for e in a.elements { frozen[e] = true } }
                    case .ceiling:
                        if active {
                            if imposedCap[j].isEmpty {
                                imposedCap[j] = [Double](repeating: .infinity, count: elementCount)
                                for e in a.elements { imposedCap[j][e] = max(size, y[e]) }
                            }
                            for e in a.elements where imposedCap[j][e] < cap[e] { cap[e] = imposedCap[j][e] }
                        }
                    case .liftCeiling:
                        break
                    }
                }
                for k in 0..<componentCount { componentSum[k] = 0 }
                for e in 0..<elementCount {
                    let noise = noiseSD * rng.normal()  // drawn even when frozen: streams stay aligned across scenarios
                    if !frozen[e] {
                        var v = y[e] + drift[componentOf[e]] + increment[e] + noise
                        v = min(max(v, lo), hi)
                        y[e] = min(v, max(cap[e], lo))
                    }
                    componentSum[componentOf[e]] += y[e]
                }
                var inProgress = 0, total = 0.0
                for k in 0..<componentCount {
                    let score = componentSum[k] / componentSize[k]
                    values[yi][k][r] = score
                    total += score
                    inProgressNow[k] = score >= fw.inProgressThreshold
                    if inProgressNow[k] { inProgress += 1 }
                }
                values[yi][componentCount][r] = total / Double(componentCount)
                if fw.advancedRule.isAdvanced(componentsInProgress: inProgress, of: componentCount) {
                    advancedCount[yi] += 1
                    if advancedYear[r] == nil {
                        advancedYear[r] = t
                        // Decisive: the components whose crossing this year made the district advanced.
                        decisive[r] = (0..<componentCount).filter { inProgressNow[$0] && !previousInProgress[$0] }
                    }
                }
                for k in 0..<componentCount { previousInProgress[k] = inProgressNow[k] }
            }
        }
        let summaries = values.map { yearValues in yearValues.map { QuantileSummary($0) } }
        let pNow = advancedNow ? 1.0 : 0.0
        return DistrictProjection(
            district: f.districts[d], latestYear: t0, currentScore: currentScore, advancedNow: advancedNow,
            years: years, summaries: summaries,
            pAdvanced: [pNow] + advancedCount.map { Double($0) / Double(draws) },
            advancedYear: advancedYear, decisiveComponents: decisive)
    }
}
