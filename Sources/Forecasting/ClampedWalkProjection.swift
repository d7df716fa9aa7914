import RatingsData

/// The continuous projection that shipped before the integer model (`pooled-drift` in the backtest):
/// kept so the rolling-origin backtest can compare against it.
///
/// Each draw of each district: the district×component drifts are drawn from their
/// estimates and sds (parameter uncertainty); each year every rating moves by its drift,
/// the active slope and level effects, and persistence noise N(0, q) (year-to-year noise, drawn
/// from the 65,536-point `DiscretizedNormal`; drifts and effect sizes use exact normals);
/// lever effect sizes are drawn from their distributions (lever uncertainty). Ratings stay
/// on the scale (clamped each year) and under the sticking-point ceilings that hold. The
/// framework's advanced rule is applied to every simulated year.
///
/// Common random numbers: the drift and noise stream of a (district, draw) depends only on
/// the seed, the district's name and the draw — every scenario consumes it identically — and
/// an effect's size only on the seed, lever, effect, district, year and draw. A difference
/// between two scenarios run with the same seed is the levers, not noise.
///
/// Scale: districts are independent, so they run in parallel (`Parallel.map`) and the result
/// does not depend on the thread count. Only one district's draws are held at a time per
/// thread; what is kept is the summary (`DistrictProjection`), never the paths.
public enum ClampedWalkProjection {
    /// Project one district. With a relaxation, the same random streams are consumed, so each
    /// draw differs from the unrelaxed one only by the relaxation.
    public static func project(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int,
        draws: Int, seed: UInt64, relaxation: Relaxation = .none,
        trajectories: Projection.Trajectories = .all,
        recorder: PathRecorder? = nil
    ) -> DistrictProjection {
        let fw = f.framework
        let d = plan.district
        let relaxation = relaxation.merged(with: plan.relaxation)
        let elementCount = fw.elements.count
        let componentCount = fw.components.count
        let lo = Double(fw.minimumScore)
        let hi = Double(fw.maximumScore)
        let t0 = f.startYear[d]
        let years = t0 < horizon ? Array((t0 + 1)...horizon) : []
        let yearCount = years.count
        let start = Array(f.start[(d * elementCount)..<((d + 1) * elementCount)])
        let componentOf = fw.elements.map(\.componentIndex)
        let noiseSD = f.stepVariance.squareRoot()
        // The inner loop runs component by component: slot j holds element `order[j]`.
        let order = fw.elementsByComponent.flatMap { $0 }
        var componentStart = [0]
        for group in fw.elementsByComponent { componentStart.append(componentStart.last! + group.count) }
        var slotOf = [Int](repeating: 0, count: elementCount)
        for (j, e) in order.enumerated() { slotOf[e] = j }

        // Sticking-point caps: never below the starting rating; lifted from the earliest lift year.
        struct Ceiling {
            var cap: [Double]
            var until: Int
        }
        var ceilings: [Ceiling] = []
        for point in plan.stickingPoints {
            if relaxation.liftedCeilings.contains(point.id) { continue }
            var cap = [Double](repeating: .infinity, count: elementCount)
            for e in point.targets.elementIndices(in: fw) {
                if relaxation.freedComponents.contains(componentOf[e]) { continue }  // a relaxed component is free
                cap[e] = max(point.maximum, start[e])
            }
            let lift = plan.liftYear(of: point.id)
            ceilings.append(Ceiling(cap: cap, until: lift))
        }
        // Upper bound of each slot each year: the scale's top or the lowest ceiling that holds
        // (a ceiling below the scale's bottom holds at the bottom). It does not depend on the draw.
        var upper = [Double](repeating: hi, count: max(1, yearCount * elementCount))
        for (yi, t) in years.enumerated() {
            for c in ceilings where t < c.until {
                for e in 0..<elementCount where c.cap[e] < .infinity {
                    let j = yi * elementCount + slotOf[e]
                    upper[j] = min(upper[j], max(c.cap[e], lo))
                }
            }
        }

        let startComponents = fw.componentScores(start.map { Optional($0) })
        let currentScore = fw.districtScore(componentScores: startComponents)
        let advancedNow = fw.isAdvanced(componentScores: startComponents)
        let needed =
            (0...componentCount).first { fw.advancedRule.isAdvanced(componentsInProgress: $0, of: componentCount) }
            ?? Int.max
        let threshold = fw.inProgressThreshold
        let keptMeasures: [Int]
        switch trajectories {
        case .all: keptMeasures = Array(0...componentCount)
        case .district: keptMeasures = [componentCount]
        case .none: keptMeasures = []
        }
        let keepComponents = trajectories == .all
        let keepDistrict = trajectories != .none
        // values[(measure · years + year) · paddedDraws + draw], measure in kept order, district
        // score last; rows padded to a multiple of four draws so each group of lanes is one store.
        let districtMeasure = keptMeasures.count - 1
        let paddedDraws = (draws + 3) / 4 * 4
        let values = UnsafeMutablePointer<Double>.allocate(
            capacity: max(1, keptMeasures.count * yearCount * paddedDraws))
        defer { values.deallocate() }
        @inline(__always) func store(_ lanes: SIMD4<Double>, measure: Int, year: Int, group r0: Int) {
            UnsafeMutableRawPointer(values + (measure * yearCount + year) * paddedDraws + r0).storeBytes(
                of: lanes, as: SIMD4<Double>.self)
        }
        var advancedCount = [Int](repeating: 0, count: yearCount)
        var advancedYear = [Int?](repeating: nil, count: draws)
        var decisiveWeight = [Double](repeating: 0, count: componentCount)
        var decisiveDraws = 0

        // Four draws at a time, one per SIMD lane (`SeededGenerator4`): lane i of a group is
        // draw r0 + i with exactly the stream and arithmetic it would have alone, so results
        // do not depend on the grouping (a padding lane past the last draw is discarded).
        typealias Lanes = SIMD4<Double>
        typealias LaneMask = SIMDMask<SIMD4<Int64>>
        let width = Lanes.scalarCount
        let zig = ZigguratTable.normal
        let key = Projection.districtKey(seed: seed, name: f.districts[d].name)
        let drawKeyBase = mixKey([String(seed), "draw"])
        let hasEffects = !plan.effects.isEmpty
        let effectSlots = plan.effects.map { $0.elements.map { slotOf[$0] } }
        var startSlots = [Double](repeating: 0, count: elementCount)
        for (j, e) in order.enumerated() { startSlots[j] = start[e] }
        let startInProgress = startComponents.map { $0 >= threshold }
        let y = UnsafeMutablePointer<Lanes>.allocate(capacity: elementCount)
        let increment = UnsafeMutablePointer<Lanes>.allocate(capacity: elementCount)
        let effectCap = UnsafeMutablePointer<Lanes>.allocate(capacity: elementCount)
        let frozen = UnsafeMutablePointer<LaneMask>.allocate(capacity: elementCount)
        let noise = UnsafeMutablePointer<Lanes>.allocate(capacity: elementCount)
        defer {
            y.deallocate()
            increment.deallocate()
            effectCap.deallocate()
            frozen.deallocate()
            noise.deallocate()
        }
        let noiseTable = DiscretizedNormal.standard
        let perDraw = DiscretizedNormal.pointsPerDraw
        let noiseWords = (elementCount + perDraw - 1) / perDraw
        var imposedCap = [[Lanes]](repeating: [], count: plan.effects.count)
        var sizes = [Lanes](repeating: .zero, count: plan.effects.count)
        // Flat buffers, not arrays, in the loops: no uniqueness checks or bounds checks per element.
        let drift = UnsafeMutablePointer<Lanes>.allocate(capacity: componentCount)
        let previousInProgress = UnsafeMutablePointer<LaneMask>.allocate(capacity: componentCount)
        let crossedThisYear = UnsafeMutablePointer<LaneMask>.allocate(capacity: componentCount)
        let firstSlot = UnsafeMutablePointer<Int>.allocate(capacity: componentCount + 1)
        let componentSize = UnsafeMutablePointer<Double>.allocate(capacity: componentCount)
        for k in 0...componentCount { firstSlot[k] = componentStart[k] }
        for k in 0..<componentCount { componentSize[k] = Double(componentStart[k + 1] - componentStart[k]) }
        defer {
            drift.deallocate()
            previousInProgress.deallocate()
            crossedThisYear.deallocate()
            firstSlot.deallocate()
            componentSize.deallocate()
        }
        let lower = Lanes(repeating: lo)

        upper.withUnsafeBufferPointer { upper in
            var r0 = 0
            while r0 < draws {
                let lanes = min(width, draws - r0)
                var rng = SeededGenerator4(
                    seeds: SIMD4(
                        Projection.drawSeed(key, r0), Projection.drawSeed(key, r0 + 1),
                        Projection.drawSeed(key, r0 + 2), Projection.drawSeed(key, r0 + 3)))
                for k in 0..<componentCount {
                    let z = rng.normal(zig)
                    drift[k] = f.drift[d * componentCount + k] + f.driftSD[d * componentCount + k] * z
                }
                for (k, extra) in relaxation.extraPace { drift[k] += Lanes(repeating: extra) }
                for (k, pace) in relaxation.paceFloor { drift[k] = laneMax(drift[k], Lanes(repeating: pace)) }
                if hasEffects {
                    for (j, e) in plan.effects.enumerated() {
                        for i in 0..<width {
                            var effectRNG = SeededGenerator(
                                seed: e.randomKey ^ Projection.drawSeed(drawKeyBase, r0 + i))
                            sizes[j][i] = e.size.sample(&effectRNG)
                        }
                        imposedCap[j].removeAll(keepingCapacity: true)
                    }
                }
                for j in 0..<elementCount { y[j] = Lanes(repeating: startSlots[j]) }
                for k in 0..<componentCount { previousInProgress[k] = LaneMask(repeating: startInProgress[k]) }
                if advancedNow { for i in 0..<lanes { advancedYear[r0 + i] = t0 } }
                for yi in 0..<yearCount {
                    let t = years[yi]
                    if hasEffects {
                        for j in 0..<elementCount {
                            increment[j] = .zero
                            frozen[j] = LaneMask(repeating: false)
                            effectCap[j] = Lanes(repeating: .infinity)
                        }
                        for (j, a) in plan.effects.enumerated() {
                            let size = sizes[j]
                            let since = t - a.onset  // 0 in the onset year
                            guard since >= 0 else { continue }
                            let active = a.effect.duration.map { since < $0 } ?? true
                            let slots = effectSlots[j]
                            switch a.effect.kind {
                            case .level:
                                if since < a.effect.ramp {
                                    for s in slots { increment[s] += size / Double(a.effect.ramp) }
                                }
                                if let duration = a.effect.duration, since == duration {
                                    for s in slots { increment[s] -= size }
                                }
                            case .slope:
                                if active { for s in slots { increment[s] += size } }
                            case .stall:
                                var stalled = LaneMask(repeating: false)
                                for i in 0..<width { stalled[i] = since < Int(max(0, size[i]).rounded()) }
                                for s in slots { frozen[s] = frozen[s] .| stalled }
                            case .ceiling:
                                if active {
                                    if imposedCap[j].isEmpty {
                                        imposedCap[j] = [Lanes](
                                            repeating: Lanes(repeating: .infinity), count: elementCount)
                                        for s in slots { imposedCap[j][s] = laneMax(size, y[s]) }
                                    }
                                    for s in slots {
                                        effectCap[s] = laneMin(effectCap[s], laneMax(imposedCap[j][s], lower))
                                    }
                                }
                            case .liftCeiling:
                                break
                            }
                        }
                    }
                    // This year's noise: four 16-bit table indices per 64-bit draw, the same number of
                    // draws every year whatever is frozen, so streams stay aligned across scenarios.
                    for w in 0..<noiseWords {
                        let bits = rng.next()
                        for c in 0..<perDraw where perDraw * w + c < elementCount {
                            noise[perDraw * w + c] = noiseSD * noiseTable.points(bits, field: c)
                        }
                    }
                    var inProgress = SIMD4<Int64>.zero
                    var total = Lanes.zero
                    let capRow = yi * elementCount
                    for k in 0..<componentCount {
                        let dk = drift[k]
                        var sum = Lanes.zero
                        if hasEffects {
                            for j in firstSlot[k]..<firstSlot[k + 1] {
                                let v = laneMax(y[j] + dk + increment[j] + noise[j], lower)
                                let moved = laneMin(v, laneMin(Lanes(repeating: upper[capRow + j]), effectCap[j]))
                                y[j] = moved.replacing(with: y[j], where: frozen[j])
                                sum += y[j]
                            }
                        } else {
                            for j in firstSlot[k]..<firstSlot[k + 1] {
                                let v = laneMax(y[j] + dk + noise[j], lower)
                                y[j] = laneMin(v, Lanes(repeating: upper[capRow + j]))
                                sum += y[j]
                            }
                        }
                        // Divide, as Framework.componentScores does: same ties at the threshold.
                        let score = sum / componentSize[k]
                        if keepComponents { store(score, measure: k, year: yi, group: r0) }
                        total += score
                        let now = score .>= threshold
                        crossedThisYear[k] = now .& .!previousInProgress[k]
                        inProgress &+= SIMD4<Int64>.zero.replacing(with: 1, where: now)
                        previousInProgress[k] = now
                    }
                    if keepDistrict {
                        store(total / Double(componentCount), measure: districtMeasure, year: yi, group: r0)
                    }
                    if let recorder {
                        for i in 0..<lanes {
                            for e in 0..<elementCount {
                                recorder.set(y[slotOf[e]][i], draw: r0 + i, yearIndex: yi, element: e)
                            }
                        }
                    }
                    for i in 0..<lanes where inProgress[i] >= needed {
                        advancedCount[yi] += 1
                        if advancedYear[r0 + i] == nil {
                            advancedYear[r0 + i] = t
                            // Decisive: the components whose crossing this year made the district
                            // advanced, sharing the draw equally.
                            decisiveDraws += 1
                            let crossed = (0..<componentCount).filter { crossedThisYear[$0][i] }
                            for k in crossed { decisiveWeight[k] += 1 / Double(crossed.count) }
                        }
                    }
                }
                r0 += width
            }
        }

        var workspace = QuantileWorkspace(sampleSize: draws)
        let summaries: [[QuantileSummary]] = (0..<yearCount).map { yi in
            keptMeasures.indices.map { m in
                QuantileSummary.binned(
                    UnsafeBufferPointer(start: values + (m * yearCount + yi) * paddedDraws, count: draws),
                    workspace: &workspace)
            }
        }
        let pNow = advancedNow ? 1.0 : 0.0
        return DistrictProjection(
            district: f.districts[d], latestYear: t0, currentScore: currentScore, advancedNow: advancedNow,
            years: years, summaries: summaries,
            pAdvanced: [pNow] + advancedCount.map { Double($0) / Double(draws) },
            advancedYear: advancedYear,
            decisiveShare: decisiveDraws > 0 ? decisiveWeight.map { $0 / Double(decisiveDraws) } : nil)
    }
}

/// Lane-wise max and min with exactly Swift's scalar `max`/`min` choices (so a lane equals
/// the scalar computation), inlined — the generic `pointwiseMax`/`pointwiseMin` are calls.
@inline(__always)
private func laneMax(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> { a.replacing(with: b, where: b .>= a) }
@inline(__always)
private func laneMin(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> { a.replacing(with: b, where: b .< a) }
