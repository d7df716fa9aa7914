import RatingsData

/// Four draws at once in SIMD lanes, for the common case at national scale: a district with no
/// lever effect, no background event, no ceiling, nothing recorded, on an equally spaced scale.
///
/// Lane i of a group is draw r0 + i with exactly the stream and the arithmetic the scalar
/// `simulate` gives it (`SeededGenerator4` lane i is `SeededGenerator` i; uniforms and normals are
/// drawn in the same order; `LaneStep` rates and scores as the scalar path does), so results do
/// not depend on the path taken — `IntegerProjectionTests` checks that draw by draw.
extension IntegerProjectionState {
    typealias Lanes = SIMD4<Double>
    typealias LaneMask = SIMDMask<SIMD4<Int64>>

    /// Whether `simulateLanes` may run this district.
    var lanesApply: Bool {
        s.plan.effects.isEmpty && s.plan.background.isEmpty && s.ceilings.isEmpty && s.grid.step != nil
    }

    /// The element step for this district's lanes.
    func laneStep(allowVector: Bool = true) -> LaneStep {
        LaneStep(grid: s.grid, unit: s.grid.step!, componentStart: s.componentStart, allowVector: allowVector)
    }

    /// Simulate draws r0 ..< r0 + lanes (lanes ≤ 4; a padding lane is computed and discarded).
    /// `buffer` holds at least `elementCount + 3 × componentCount` lanes of scratch.
    mutating func simulateLanes(
        r0: Int, lanes: Int, seeds: SIMD4<UInt64>, step: LaneStep,
        buffer: UnsafeMutablePointer<Lanes>
    ) {
        var rng = SeededGenerator4(seeds: seeds)
        let k = s.componentCount
        let latent = buffer
        let move = buffer + s.elementCount
        let scores = move + k
        let pace = scores + k
        startLanes(&rng, pace: pace, latent: latent)
        var before = (0..<k).map { LaneMask(repeating: s.startComponents[$0] >= s.threshold) }
        if s.advancedNow { for i in 0..<lanes { advancedYear[r0 + i] = s.startYear } }
        var crossedNow = [LaneMask](repeating: .init(repeating: false), count: k)
        for yi in s.years.indices {
            if s.persistence < 1 { changePaces(pace, &rng) }
            for c in 0..<k { move[c] = laneMove(pace[c], component: c) }
            step.year(latent: latent, move: move, scores: scores)
            var inProgress = SIMD4<Int64>.zero
            var total = Lanes.zero
            for c in 0..<k {
                let score = scores[c]
                if keepComponents { store(score, measure: c, yearIndex: yi, r0: r0, lanes: lanes) }
                total += score
                let now = score .>= s.threshold
                crossedNow[c] = now .& .!before[c]
                before[c] = now
                inProgress &+= SIMD4<Int64>.zero.replacing(with: 1, where: now)
                if keepProgress {
                    for i in 0..<lanes where now[i] { progress[(r0 + i) * s.years.count + yi] |= 1 << UInt64(c) }
                }
            }
            if keepDistrict { store(total / Double(k), measure: measureCount - 1, yearIndex: yi, r0: r0, lanes: lanes) }
            for i in 0..<lanes where inProgress[i] >= s.needed {
                let first = advancedYear[r0 + i] == nil
                record(advancedDraw: r0 + i, yearIndex: yi, crossed: first ? (0..<k).filter { crossedNow[$0][i] } : [])
            }
        }
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

    /// A component's move this year from its pace: a relaxation acts on the year's pace as the
    /// scalar path does (max(pace + extra, floor)), and upward moves take the unstalled boost.
    @inline(__always)
    func laneMove(_ pace: Lanes, component c: Int) -> Lanes {
        var effective = pace
        if s.relaxesPace {
            effective += s.extraPace[c]
            effective = effective.replacing(with: Lanes(repeating: s.paceFloor[c]), where: effective .< s.paceFloor[c])
        }
        return effective.replacing(with: effective * s.unstalledBoost, where: effective .> 0)
    }

    /// Keep the lanes' values of one measure in one year.
    @inline(__always)
    func store(_ v: Lanes, measure: Int, yearIndex yi: Int, r0: Int, lanes: Int) {
        let target = values.pointer + (measure * s.years.count + yi) * draws + r0
        for i in 0..<lanes { target[i] = v[i] }
    }

    /// A draw advanced in a year: counts, bits, first year and the decisive components (as `step`).
    mutating func record(advancedDraw r: Int, yearIndex yi: Int, crossed: [Int]) {
        advancedCount[yi] += 1
        advancedBits[yi * wordsPerYear + r / 64] |= 1 << UInt64(r % 64)
        guard advancedYear[r] == nil else { return }
        advancedYear[r] = s.years[yi]
        decisive[r] = crossed
    }
}
