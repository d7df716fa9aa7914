import RatingsData

/// Lever effects, background events and ceilings for four draws in SIMD lanes: scenario runs
/// (background events everywhere) took the scalar path one draw at a time before, at about
/// 8–10 ns per element-year against about 2 ns in the lanes.
///
/// Lane i is draw r0 + i exactly as the scalar path computes it: its effect sizes from the same
/// keyed streams, its background events from its own stream, the effects added to each slot in
/// the scalar order (the plan's, then the events that happened, in order), and the same
/// arithmetic on each element (`moveWithEffects`, with Swift's `min` and `max` written as the
/// same selects). A year in which nothing acts in any lane takes the plain step; a lane with
/// nothing acting in a year where another lane has an effect gets neutral buffers, which give
/// its latent the plain step's value. `IntegerProjectionTests` checks lanes against the scalar
/// path draw by draw under interventions, background events and ceilings.
extension IntegerProjectionState {
    /// Whether the plan has anything `EffectLanes` must carry.
    var hasEffects: Bool { !(s.effectRules.isEmpty && s.backgroundRules.isEmpty && s.ceilings.isEmpty) }

    /// The group's effect sizes, background streams and lift years, drawn as `start` and
    /// `simulate` draw them for each draw (a padding lane keeps the last group's values).
    func startEffectLanes(_ e: inout EffectLanes, r0: Int, lanes: Int, backgroundKey: UInt64, effectKey: UInt64) {
        for i in 0..<4 {
            e.happened[i].removeAll(keepingCapacity: true)
            for c in s.ceilings.indices { e.liftYear[4 * c + i] = s.ceilings[c].liftYear }
        }
        for i in 0..<lanes {
            e.background[i] = SeededGenerator(seed: Projection.drawSeed(backgroundKey, r0 + i))
            let effectSeed = Projection.drawSeed(effectKey, r0 + i)
            for j in s.plan.effects.indices {
                var rng = SeededGenerator(seed: s.plan.effects[j].randomKey ^ effectSeed)
                e.size[j][i] = s.plan.effects[j].size.sample(&rng)
            }
        }
    }

    /// This year's background events in each lane, then the effect buffers; false when nothing
    /// acts in any lane (the plain step then runs).
    func applyEffectLanes(_ e: inout EffectLanes, year t: Int, lanes: Int) -> Bool {
        for i in 0..<lanes { drawBackground(&e, lane: i, year: t) }
        guard !(s.effectRules.isEmpty && s.ceilings.isEmpty && !e.anyHappened) else { return false }
        e.reset()
        capLanes(&e, year: t)
        let every = LaneMask(repeating: true)
        for (j, rule) in s.effectRules.enumerated() {
            applyLanes(rule, onset: rule.onset, size: e.size[j], in: every, &e, year: t)
        }
        for i in 0..<lanes {
            let only = SIMD4<Int64>(0, 1, 2, 3) .== Int64(i)
            for h in e.happened[i].indices {
                let happened = e.happened[i][h]
                applyLanes(
                    happened.rule, onset: happened.onset, size: Lanes(repeating: happened.size), in: only, &e, year: t)
            }
        }
        return true
    }

    /// One lane's background events this year, as `drawBackground(year:_:)` draws one draw's.
    func drawBackground(_ e: inout EffectLanes, lane i: Int, year t: Int) {
        for b in s.backgroundProbability.indices {
            guard e.background[i].uniform() < s.backgroundProbability[b] else { continue }
            for (j, rule) in s.backgroundRules[b].enumerated() {
                let onset = t + rule.onset
                for c in s.backgroundLifts[b][j] { e.liftYear[4 * c + i] = min(e.liftYear[4 * c + i], onset) }
                if rule.kind != .liftCeiling {
                    let size = s.plan.background[b].effects[j].size.sample(&e.background[i])
                    e.happened[i].append(Happened(rule: rule, onset: onset, size: size))
                }
            }
        }
    }

    /// The caps of the ceilings that hold in each lane this year (`min` as Swift's: y < x ? y : x).
    func capLanes(_ e: inout EffectLanes, year t: Int) {
        let n = s.elementCount
        s.ceilingCaps.withUnsafeBufferPointer { caps in
            for c in s.ceilings.indices {
                let lift = SIMD4<Int64>(
                    Int64(e.liftYear[4 * c]), Int64(e.liftYear[4 * c + 1]), Int64(e.liftYear[4 * c + 2]),
                    Int64(e.liftYear[4 * c + 3]))
                let holds = lift .> Int64(t)
                guard any(holds) else { continue }
                // An infinite cap leaves the minimum as it is.
                for element in 0..<n where caps[c * n + element] < .infinity {
                    let slot = s.slotOf[element]
                    let value = Lanes(repeating: caps[c * n + element])
                    e.cap[slot] = e.cap[slot].replacing(with: value, where: holds .& (value .< e.cap[slot]))
                }
            }
        }
    }

    /// An effect this year in the lanes of `lanes`, as `apply` adds one draw's: a plan effect
    /// in every lane (same onset, each lane's own size), a background effect that happened in
    /// one lane's draw in that lane alone. The other lanes keep their values exactly.
    func applyLanes(
        _ a: EffectRule, onset: Int, size: Lanes, in lanes: LaneMask, _ e: inout EffectLanes, year t: Int
    ) {
        let since = t - onset
        guard since >= 0 else { return }
        let active = a.duration.map { since < $0 } ?? true
        s.ruleElements.withUnsafeBufferPointer { all in
            let slots = UnsafeBufferPointer(rebasing: all[a.elements]).lazy.map { s.slotOf[$0] }
            switch a.kind {
            case .level:
                let ramp = Double(max(1, a.ramp))
                if since < a.ramp {
                    for slot in slots {
                        e.levelShift[slot] = e.levelShift[slot].replacing(
                            with: e.levelShift[slot] + size / ramp, where: lanes)
                    }
                }
                if let duration = a.duration, since == duration {
                    for slot in slots {
                        e.levelShift[slot] = e.levelShift[slot].replacing(with: e.levelShift[slot] - size, where: lanes)
                    }
                }
            case .slope:
                if active {
                    for slot in slots {
                        e.slope[slot] = e.slope[slot].replacing(with: e.slope[slot] + size, where: lanes)
                    }
                }
            case .stall:
                var held = SIMD4<Int64>.zero
                for i in 0..<4 where lanes[i] && since < Int(max(0, size[i]).rounded()) { held[i] = -1 }
                for slot in slots { e.stalled[slot] |= held }
            case .ceiling, .liftCeiling:
                break  // imposed caps take the scalar path (`lanesApply`); lifts act through `liftYear`
            }
        }
    }

    /// Move every slot's latents one year under the effect buffers and sum each component's
    /// ratings: `moveWithEffects` lane-wise, its `min(a, b)` as `b < a ? b : a` and `max(a, b)`
    /// as `b >= a ? b : a`, Swift's own choices.
    func effectStep(
        _ e: EffectLanes, latent: UnsafeMutablePointer<Lanes>, pace: UnsafeMutablePointer<Lanes>,
        sums: UnsafeMutablePointer<Lanes>
    ) {
        let grid = s.grid
        let bottom = Lanes(repeating: grid.lowest - grid.halfCell)
        let top = Lanes(repeating: grid.cellTop(grid.highest))
        let topIndex = Lanes(repeating: Double(grid.values.count - 1))
        let unit = grid.step!
        let inverse = 1 / unit
        for c in 0..<s.componentCount {
            let effective = laneEffective(pace[c], component: c)
            var sum = Lanes.zero
            for j in s.componentStart[c]..<s.componentStart[c + 1] {
                let m = effective + e.slope[j]
                let held = m.replacing(with: 0, where: 0 .< m)
                let moved = m.replacing(with: m * s.unstalledBoost, where: m .> 0)
                let v = latent[j] + moved.replacing(with: held, where: e.stalled[j] .!= 0) + e.levelShift[j]
                let inner = top.replacing(with: e.cap[j], where: e.cap[j] .< top)
                let raised = v.replacing(with: bottom, where: bottom .>= v)
                let x = raised.replacing(with: inner, where: inner .< raised)
                latent[j] = x
                sum += grid.lowest + unit * LaneStep.levelIndex((x - grid.lowest) * inverse + 0.5, top: topIndex)
            }
            sums[c] = sum
        }
    }
}
