import RatingsData

/// Four draws at once in SIMD lanes, whenever nothing is recorded, the scale is equally spaced
/// and no effect imposes a cap of its own (the plain step where nothing acts; lever effects,
/// background events and ceilings through `EffectLanes`).
///
/// Lane i of a group is draw r0 + i with exactly the stream and the arithmetic the scalar
/// `simulate` gives it (`SeededGenerator4` lane i is `SeededGenerator` i; uniforms and normals are
/// drawn in the same order; `LaneStep` rates and scores as the scalar path does), so results do
/// not depend on the path taken — `IntegerProjectionTests` checks that draw by draw.
extension IntegerProjectionState {
    typealias Lanes = SIMD4<Double>
    typealias LaneMask = SIMDMask<SIMD4<Int64>>

    /// Whether `simulateLanes` may run this district (an effect of kind `ceiling`, which no
    /// shipped lever has, takes the scalar path).
    var lanesApply: Bool {
        s.grid.step != nil && !s.effectRules.contains { $0.kind == .ceiling }
            && !s.backgroundRules.joined().contains { $0.kind == .ceiling }
    }

    /// The element step for this district's lanes.
    func laneStep(allowVector: Bool = true) -> LaneStep {
        LaneStep(grid: s.grid, unit: s.grid.step!, componentStart: s.componentStart, allowVector: allowVector)
    }

    /// Simulate draws r0 ..< r0 + lanes (lanes ≤ 4; a padding lane is computed and discarded;
    /// r0 a multiple of 4). `buffer` holds at least `laneBufferCount` lanes of scratch.
    /// With effects (`hasEffects`), `effects` carries them and `keys` are the district's
    /// background and effect keys (as `simulate(draw:…)` takes them per draw).
    mutating func simulateLanes(
        r0: Int, lanes: Int, seeds: SIMD4<UInt64>, step: LaneStep,
        buffer: UnsafeMutablePointer<Lanes>, effects: inout EffectLanes, keys: (background: UInt64, effect: UInt64)
    ) {
        var rng = SeededGenerator4(seeds: seeds)
        let withEffects = hasEffects
        if withEffects {
            startEffectLanes(&effects, r0: r0, lanes: lanes, backgroundKey: keys.background, effectKey: keys.effect)
        }
        let k = s.componentCount
        let latent = buffer
        let move = buffer + s.elementCount
        let sums = move + k
        let pace = sums + k
        let count = pace + k
        let before = UnsafeMutableRawPointer(count + k).assumingMemoryBound(to: LaneMask.self)
        let crossed = before + k
        startLanes(&rng, pace: pace, latent: latent)
        for c in 0..<k {
            count[c] = Lanes(repeating: Double(s.componentStart[c + 1] - s.componentStart[c]))
            before[c] = LaneMask(repeating: s.startComponents[c] >= s.threshold)
        }
        let real = SIMD4<Int64>(0, 1, 2, 3) .< Int64(lanes)
        var decided = real .& LaneMask(repeating: s.advancedNow)
        if s.advancedNow { for i in 0..<lanes { advancedYear[r0 + i] = s.startYear } }
        var crossedFirst = [Bool](repeating: false, count: 4 * k)
        var newlyDecided = LaneMask(repeating: false)
        for yi in s.years.indices {
            if s.persistence < 1 { changePaces(pace, &rng) }
            if withEffects && applyEffectLanes(&effects, year: s.years[yi], lanes: lanes) {
                effectStep(effects, latent: latent, pace: pace, sums: sums)
            } else {
                for c in 0..<k { move[c] = laneMove(pace[c], component: c) }
                step.year(latent: latent, move: move, sums: sums)
            }
            let inProgress = tally(
                sums: sums, count: count, before: before, crossed: crossed, yearIndex: yi, r0: r0, lanes: lanes)
            let advanced = real .& (inProgress .>= Int64(s.needed))
            guard any(advanced) else { continue }
            recordLanes(advanced, yearIndex: yi, r0: r0)
            let first = advanced .& .!decided
            guard any(first) else { continue }
            decided .|= first
            newlyDecided .|= first
            for i in 0..<4 where first[i] {
                advancedYear[r0 + i] = s.years[yi]
                for c in 0..<k { crossedFirst[i * k + c] = crossed[c][i] }
            }
        }
        // Decisive components added in draw order, as the scalar path adds them.
        for i in 0..<4 where newlyDecided[i] { addDecisive { crossedFirst[i * k + $0] } }
    }

    /// Lanes of scratch `simulateLanes` needs: latents, then per component its move, rating sum,
    /// pace, element count, and two masks.
    var laneBufferCount: Int { s.elementCount + 6 * s.componentCount }

    /// One year's component bookkeeping for a group: keep the scores, mark which components
    /// crossed the threshold this year, and return how many are in progress in each lane.
    @inline(__always)
    mutating func tally(
        sums: UnsafeMutablePointer<Lanes>, count: UnsafeMutablePointer<Lanes>,
        before: UnsafeMutablePointer<LaneMask>, crossed: UnsafeMutablePointer<LaneMask>,
        yearIndex yi: Int, r0: Int, lanes: Int
    ) -> SIMD4<Int64> {
        var inProgress = SIMD4<Int64>.zero
        var total = Lanes.zero
        for c in 0..<s.componentCount {
            // Divide, as Framework.componentScores does.
            let score = sums[c] / count[c]
            if let sumCounts {
                sumCounts.add(sums[c], lanes: lanes, component: c, yearIndex: yi)
            } else if keepComponents {
                store(score, row: c, yearIndex: yi, r0: r0, lanes: lanes)
            }
            total += score
            let now = score .>= s.threshold
            crossed[c] = now .& .!before[c]
            before[c] = now
            inProgress &-= unsafeBitCast(now, to: SIMD4<Int64>.self)
            if keepProgress {
                for i in 0..<lanes where now[i] { progress[(r0 + i) * s.years.count + yi] |= 1 << UInt64(c) }
            }
        }
        if keepDistrict {
            store(total / Double(s.componentCount), row: districtRow, yearIndex: yi, r0: r0, lanes: lanes)
        }
        return inProgress
    }

    /// The group's lanes advanced in a year: counts and bits (`r0` is a multiple of 4, so the
    /// group's four bits share one word).
    @inline(__always)
    mutating func recordLanes(_ advanced: LaneMask, yearIndex yi: Int, r0: Int) {
        var bits: UInt64 = 0
        for i in 0..<4 where advanced[i] { bits |= 1 << UInt64(i) }
        advancedCount[yi] += bits.nonzeroBitCount
        advancedBits[yi * wordsPerYear + r0 / 64] |= bits << UInt64(r0 % 64)
    }

    /// The group's paces and latents (in slot order: components' elements contiguous), drawn in
    /// the scalar path's order: paces, then one cell position per element in element order.
    @inline(__always)
    func startLanes(
        _ rng: inout SeededGenerator4, pace: UnsafeMutablePointer<Lanes>, latent: UnsafeMutablePointer<Lanes>
    ) {
        let zig = ZigguratTable.normal
        for c in 0..<s.componentCount { pace[c] = s.drift[c] + s.driftSD[c] * rng.normal(zig) }
        let fixed = s.forecaster.cellPosition.map { Lanes(repeating: $0) }
        for e in 0..<s.elementCount {
            let u = Lanes(rng.next() &>> 11) * 0x1p-53 - 0.5
            latent[s.slotOf[e]] = s.startLevel[e] + 2 * s.grid.halfCell * (fixed ?? u)
        }
    }

    /// This year's paces, as `changePaces(_:)` does for one draw.
    @inline(__always)
    func changePaces(_ pace: UnsafeMutablePointer<Lanes>, _ rng: inout SeededGenerator4) {
        let zig = ZigguratTable.normal
        let shared = s.commonShockSD * rng.normal(zig)
        for c in 0..<s.componentCount {
            let own = s.ownShockSD * rng.normal(zig)
            pace[c] = s.networkPace[c] + s.persistence * (pace[c] - s.networkPace[c]) + shared + own
        }
    }

    /// A component's move this year from its pace where nothing acts: upward moves take the
    /// unstalled boost.
    @inline(__always)
    func laneMove(_ pace: Lanes, component c: Int) -> Lanes {
        let effective = laneEffective(pace, component: c)
        return effective.replacing(with: effective * s.unstalledBoost, where: effective .> 0)
    }

    /// A component's pace this year with the relaxation, as the scalar path takes it (max(pace + extra, floor)).
    @inline(__always)
    func laneEffective(_ pace: Lanes, component c: Int) -> Lanes {
        guard s.relaxesPace else { return pace }
        let effective = pace + s.extraPace[c]
        return effective.replacing(with: Lanes(repeating: s.paceFloor[c]), where: effective .< s.paceFloor[c])
    }

    /// Keep the lanes' values of one row of `values` in one year.
    @inline(__always)
    func store(_ v: Lanes, row: Int, yearIndex yi: Int, r0: Int, lanes: Int) {
        let target = values.pointer + (row * s.years.count + yi) * draws + r0
        for i in 0..<lanes { target[i] = v[i] }
    }
}
