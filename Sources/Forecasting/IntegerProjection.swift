import RatingsData

/// The engine's projection (`integer-pace` in the backtest): ratings stay levels of the scale.
///
/// Each element of a district has a latent score; its rating is the level the latent rounds to.
/// A draw starts the latent at the element's latest rating plus an unknown position inside the
/// rating's cell (uniform: where in "in progress" a district stands is not observed). Each year
/// the latent moves by its component's pace plus the active lever effects; the rating changes
/// only when the latent crosses a cut-point, so with paces of about 0.1 points a year about 9 in
/// 10 ratings repeat from one year to the next, as in the panel (0.886 on the shipped panel).
///
/// Paces: the district × component pace is drawn per draw from the fit (estimate and sd), then
/// changes every year by N(0, ω²), ω² estimated from the panel (`PaceChange`). Background events
/// (`BackgroundEvent`) happen at their yearly probability and act through their levers' effects.
/// A stall holds progress — an element's yearly move is at most 0 while it lasts — and never
/// freezes a rating, so a turnover can only lower a path.
///
/// Bounds: the latent stays inside the scale's outer cells (a rating at the floor with no
/// upward pace stays at the floor; nothing is pushed up by clamping) and at or below the level
/// of any ceiling that holds (progress is held at the ceiling and resumes from the middle of
/// its cell when it is lifted).
///
/// Common random numbers: a (district, draw) consumes the same stream in every scenario — the
/// pace draws, the cell positions and the pace changes — and background events come from a
/// stream of their own, so a lever's difference between two scenarios is the lever, not noise.
public enum IntegerProjection {
    /// Project one district (see the type's description). With a relaxation the same random
    /// streams are consumed, so each draw differs from the unrelaxed one only by the relaxation.
    public static func project(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int,
        draws: Int, seed: UInt64, relaxation: Relaxation = .none,
        trajectories: Projection.Trajectories = .all,
        recorder: PathRecorder? = nil
    ) -> DistrictProjection {
        let state = simulated(
            f, plan, horizon: horizon, draws: draws, seed: seed, relaxation: relaxation,
            trajectories: trajectories, recorder: recorder)
        return state.summary()
    }

    /// Which components are in progress in each draw and projected year (framework of at most 64
    /// components), from the same draws `project` makes: what attribution assembles coalitions from.
    public static func progress(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int,
        draws: Int, seed: UInt64, relaxation: Relaxation = .none
    ) -> ComponentProgress {
        let state = simulated(
            f, plan, horizon: horizon, draws: draws, seed: seed, relaxation: relaxation,
            trajectories: .none, keepProgress: true)
        return ComponentProgress(
            startYear: state.s.startYear, years: state.s.years, draws: draws,
            startBits: state.s.startComponents.indices.reduce(0) {
                state.s.startComponents[$1] >= state.s.threshold ? $0 | (1 << UInt64($1)) : $0
            },
            bits: state.progress)
    }

    /// Every draw's district score in each projected year, from the same draws `project` makes
    /// (`scores[yearIndex × draws + draw]`, the mean of the component scores as
    /// `Framework.districtScore` takes it): what choosing the pace persistence scores, without
    /// recording every element's rating (which forces the one-draw-at-a-time path).
    public static func districtScores(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int, draws: Int, seed: UInt64
    ) -> [Double] {
        let state = simulated(
            f, plan, horizon: horizon, draws: draws, seed: seed, relaxation: .none, trajectories: .district)
        return Array(
            state.values.slice(
                from: state.districtRow * state.s.years.count * draws, count: state.s.years.count * draws))
    }

    static func simulated(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int, draws: Int, seed: UInt64,
        relaxation: Relaxation, trajectories: Projection.Trajectories, recorder: PathRecorder? = nil,
        keepProgress: Bool = false, allowVector: Bool = true
    ) -> IntegerProjectionState {
        let setup = IntegerProjectionSetup(f, plan, horizon: horizon, relaxation: relaxation)
        var state = IntegerProjectionState(setup, draws: draws, trajectories: trajectories, keepProgress: keepProgress)
        let key = Projection.districtKey(seed: seed, name: f.districts[plan.district].name)
        let backgroundKey = mixKey([String(seed), "background", f.districts[plan.district].name])
        let effectKeyBase = mixKey([String(seed), "draw"])
        if recorder == nil, state.lanesApply {
            // Four draws at a time in SIMD lanes, with exactly the scalar path's streams and arithmetic.
            let step = state.laneStep(allowVector: allowVector)
            let buffer = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: state.laneBufferCount)
            var effects = EffectLanes(
                effects: setup.effectRules.count, ceilings: setup.ceilings.count,
                slots: state.hasEffects ? setup.elementCount : 0)
            defer {
                buffer.deallocate()
                effects.deallocate()
            }
            for r0 in stride(from: 0, to: draws, by: 4) {
                let seeds = SIMD4((0..<4).map { Projection.drawSeed(key, r0 + $0) })
                state.simulateLanes(
                    r0: r0, lanes: min(4, draws - r0), seeds: seeds, step: step, buffer: buffer,
                    effects: &effects, keys: (backgroundKey, effectKeyBase))
            }
        } else {
            for r in 0..<draws {
                state.simulate(
                    draw: r, key: Projection.drawSeed(key, r), backgroundKey: Projection.drawSeed(backgroundKey, r),
                    effectKey: Projection.drawSeed(effectKeyBase, r), recorder: recorder)
            }
        }
        return state
    }
}
