import RatingsData

/// One district's clamped walk (`ClampedWalkProjection`) as it runs: the setup, the lane
/// buffers, and the measure values kept for percentiles. Immutable itself (it writes through its
/// buffers); what changes from group to group is passed in (`ClampedWalkEffectDraws`,
/// `ClampedWalkTally`), so the loops work on values the optimiser keeps in registers.
///
/// Four draws at a time, one per SIMD lane (`SeededGenerator4`): lane i of a group is draw
/// r0 + i with exactly the stream and arithmetic it would have alone, so results do not depend
/// on the grouping (a padding lane past the last draw is discarded).
struct ClampedWalkState {
    typealias Lanes = SIMD4<Double>
    typealias LaneMask = SIMDMask<SIMD4<Int64>>

    let s: ClampedWalkSetup
    let scratch: ClampedWalkLanes
    let draws: Int
    let keepComponents: Bool
    let keepDistrict: Bool
    /// Kept measures: the components (when `keepComponents`), then the district score (when `keepDistrict`).
    let measureCount: Int
    let districtMeasure: Int
    /// `values[(measure · years + year) · paddedDraws + draw]`, measure in kept order, district
    /// score last; rows padded to a multiple of four draws so each group of lanes is one store.
    let values: UnsafeMutablePointer<Double>
    let paddedDraws: Int
    let zig: ZigguratTable
    let noiseTable: DiscretizedNormal
    let perDraw: Int
    /// 64-bit draws of noise per year, whatever is frozen, so streams stay aligned across scenarios.
    let noiseWords: Int

    init(_ setup: ClampedWalkSetup, draws: Int, trajectories: Projection.Trajectories) {
        s = setup
        scratch = ClampedWalkLanes(setup)
        self.draws = draws
        keepComponents = trajectories == .all
        keepDistrict = trajectories != .none
        switch trajectories {
        case .all: measureCount = setup.componentCount + 1
        case .district: measureCount = 1
        case .none: measureCount = 0
        }
        districtMeasure = measureCount - 1
        paddedDraws = (draws + 3) / 4 * 4
        values = .allocate(capacity: max(1, measureCount * setup.years.count * paddedDraws))
        zig = ZigguratTable.normal
        noiseTable = DiscretizedNormal.standard
        perDraw = DiscretizedNormal.pointsPerDraw
        noiseWords = (setup.elementCount + perDraw - 1) / perDraw
    }

    func deallocate() {
        values.deallocate()
        scratch.deallocate()
    }

    /// Draws r0 ..< r0 + 4 through every projected year: `key` is the district's stream key,
    /// `drawKeyBase` the effect sizes', `upper` the setup's upper bounds.
    @inline(__always)
    func simulateGroup(
        _ r0: Int, key: UInt64, drawKeyBase: UInt64, upper: UnsafeBufferPointer<Double>, recorder: PathRecorder?,
        effects: inout ClampedWalkEffectDraws, tally: inout ClampedWalkTally
    ) {
        let lanes = min(Lanes.scalarCount, draws - r0)
        var rng = SeededGenerator4(
            seeds: SIMD4(
                Projection.drawSeed(key, r0), Projection.drawSeed(key, r0 + 1),
                Projection.drawSeed(key, r0 + 2), Projection.drawSeed(key, r0 + 3)))
        drawDrifts(&rng)
        if s.hasEffects { effects.draw(s.effects, group: r0, drawKeyBase: drawKeyBase) }
        startGroup(r0, lanes: lanes, tally: &tally)
        for yi in 0..<s.years.count {
            let t = s.years[yi]
            if s.hasEffects { applyEffects(year: t, &effects) }
            drawNoise(&rng)
            let inProgress = step(yearIndex: yi, group: r0, upper: upper)
            if let recorder { record(recorder, yearIndex: yi, group: r0, lanes: lanes) }
            tally.count(
                inProgress, needed: s.needed, crossedThisYear: scratch.crossedThisYear,
                componentCount: s.componentCount, yearIndex: yi, year: t, group: r0, lanes: lanes)
        }
    }

    /// The district × component drifts (parameter uncertainty), then the relaxation's extra paces and floors.
    @inline(__always)
    private func drawDrifts(_ rng: inout SeededGenerator4) {
        let drift = scratch.drift
        let driftMean = s.driftMean
        let driftSD = s.driftSD
        let zig = zig
        for k in 0..<s.componentCount {
            let z = rng.normal(zig)
            drift[k] = driftMean[k] + driftSD[k] * z
        }
        for (k, extra) in s.relaxation.extraPace { drift[k] += Lanes(repeating: extra) }
        for (k, pace) in s.relaxation.paceFloor { drift[k] = laneMax(drift[k], Lanes(repeating: pace)) }
    }

    /// Every lane at the starting ratings; draws advanced now are advanced from the start year.
    @inline(__always)
    private func startGroup(_ r0: Int, lanes: Int, tally: inout ClampedWalkTally) {
        let y = scratch.y
        let previousInProgress = scratch.previousInProgress
        for j in 0..<s.elementCount { y[j] = Lanes(repeating: s.startSlots[j]) }
        for k in 0..<s.componentCount { previousInProgress[k] = LaneMask(repeating: s.startInProgress[k]) }
        if s.advancedNow { for i in 0..<lanes { tally.advancedYear[r0 + i] = s.startYear } }
    }

    /// This year's increments, stalls and effect caps from the active effects.
    @inline(__always)
    private func applyEffects(year t: Int, _ effects: inout ClampedWalkEffectDraws) {
        let y = scratch.y
        let increment = scratch.increment
        let frozen = scratch.frozen
        let effectCap = scratch.effectCap
        let lower = Lanes(repeating: s.lo)
        for j in 0..<s.elementCount {
            increment[j] = .zero
            frozen[j] = LaneMask(repeating: false)
            effectCap[j] = Lanes(repeating: .infinity)
        }
        for (j, a) in s.effects.enumerated() {
            let size = effects.sizes[j]
            let since = t - a.onset  // 0 in the onset year
            guard since >= 0 else { continue }
            let active = a.effect.duration.map { since < $0 } ?? true
            let slots = s.effectSlots[j]
            switch a.effect.kind {
            case .level:
                if since < a.effect.ramp {
                    for slot in slots { increment[slot] += size / Double(a.effect.ramp) }
                }
                if let duration = a.effect.duration, since == duration {
                    for slot in slots { increment[slot] -= size }
                }
            case .slope:
                if active { for slot in slots { increment[slot] += size } }
            case .stall:
                var stalled = LaneMask(repeating: false)
                for i in 0..<Lanes.scalarCount { stalled[i] = since < Int(max(0, size[i]).rounded()) }
                for slot in slots { frozen[slot] = frozen[slot] .| stalled }
            case .ceiling:
                if active {
                    if effects.imposedCap[j].isEmpty {
                        effects.imposedCap[j] = [Lanes](repeating: Lanes(repeating: .infinity), count: s.elementCount)
                        for slot in slots { effects.imposedCap[j][slot] = laneMax(size, y[slot]) }
                    }
                    for slot in slots {
                        effectCap[slot] = laneMin(effectCap[slot], laneMax(effects.imposedCap[j][slot], lower))
                    }
                }
            case .liftCeiling:
                break
            }
        }
    }

    /// This year's noise: four 16-bit table indices per 64-bit draw, the same number of draws
    /// every year whatever is frozen, so streams stay aligned across scenarios.
    @inline(__always)
    private func drawNoise(_ rng: inout SeededGenerator4) {
        let noise = scratch.noise
        let elementCount = s.elementCount
        let noiseSD = s.noiseSD
        let noiseTable = noiseTable
        let perDraw = perDraw
        for w in 0..<noiseWords {
            let bits = rng.next()
            for c in 0..<perDraw where perDraw * w + c < elementCount {
                noise[perDraw * w + c] = noiseSD * noiseTable.points(bits, field: c)
            }
        }
    }

    /// Every rating moves one year, clamped to the scale and its caps; component and district
    /// scores are kept. Returns how many components each lane has in progress.
    @inline(__always)
    private func step(yearIndex yi: Int, group r0: Int, upper: UnsafeBufferPointer<Double>) -> SIMD4<Int64> {
        let y = scratch.y
        let increment = scratch.increment
        let effectCap = scratch.effectCap
        let frozen = scratch.frozen
        let noise = scratch.noise
        let drift = scratch.drift
        let firstSlot = scratch.firstSlot
        let componentSize = scratch.componentSize
        let previousInProgress = scratch.previousInProgress
        let crossedThisYear = scratch.crossedThisYear
        let lower = Lanes(repeating: s.lo)
        let threshold = s.threshold
        let hasEffects = s.hasEffects
        let keepComponents = keepComponents
        let componentCount = s.componentCount
        var inProgress = SIMD4<Int64>.zero
        var total = Lanes.zero
        let capRow = yi * s.elementCount
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
        return inProgress
    }

    @inline(__always)
    private func store(_ lanes: Lanes, measure: Int, year: Int, group r0: Int) {
        UnsafeMutableRawPointer(values + (measure * s.years.count + year) * paddedDraws + r0).storeBytes(
            of: lanes, as: Lanes.self)
    }

    /// Each real lane's ratings, by element, into the recorder. Not inlined: inside the group
    /// loop its element loop got worse registers (callgrind, backtest: +5% instructions in the
    /// projection); one call per group and year costs far less.
    @inline(never)
    private func record(_ recorder: PathRecorder, yearIndex yi: Int, group r0: Int, lanes: Int) {
        let y = scratch.y
        let slotOf = s.slotOf
        let elementCount = s.elementCount
        for i in 0..<lanes {
            for e in 0..<elementCount {
                recorder.set(y[slotOf[e]][i], draw: r0 + i, yearIndex: yi, element: e)
            }
        }
    }

    /// The kept values' percentiles and the advanced shares: the district's projection.
    func summary(_ tally: ClampedWalkTally) -> DistrictProjection {
        let yearCount = s.years.count
        var workspace = QuantileWorkspace(sampleSize: draws)
        let summaries: [[QuantileSummary]] = (0..<yearCount).map { yi in
            (0..<measureCount).map { m in
                QuantileSummary.binned(
                    UnsafeBufferPointer(start: values + (m * yearCount + yi) * paddedDraws, count: draws),
                    workspace: &workspace)
            }
        }
        let pNow = s.advancedNow ? 1.0 : 0.0
        return DistrictProjection(
            district: s.district, latestYear: s.startYear, currentScore: s.currentScore, advancedNow: s.advancedNow,
            years: s.years, summaries: summaries,
            pAdvanced: [pNow] + tally.advancedCount.map { Double($0) / Double(draws) },
            advancedYear: tally.advancedYear,
            decisiveShare: tally.decisiveDraws > 0 ? tally.decisiveWeight.map { $0 / Double(tally.decisiveDraws) } : nil
        )
    }
}

/// Lane-wise max and min with exactly Swift's scalar `max`/`min` choices (so a lane equals
/// the scalar computation), inlined — the generic `pointwiseMax`/`pointwiseMin` are calls.
@inline(__always)
private func laneMax(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> { a.replacing(with: b, where: b .>= a) }
@inline(__always)
private func laneMin(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> { a.replacing(with: b, where: b .< a) }
