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
        let setup = ClampedWalkSetup(f, plan, horizon: horizon, relaxation: relaxation)
        let state = ClampedWalkState(setup, draws: draws, trajectories: trajectories)
        defer { state.deallocate() }
        var effects = ClampedWalkEffectDraws(count: setup.effects.count)
        var tally = ClampedWalkTally(years: setup.years.count, draws: draws, components: setup.componentCount)
        let key = Projection.districtKey(seed: seed, name: f.districts[plan.district].name)
        let drawKeyBase = mixKey([String(seed), "draw"])
        setup.upper.withUnsafeBufferPointer { upper in
            var r0 = 0
            while r0 < draws {
                state.simulateGroup(
                    r0, key: key, drawKeyBase: drawKeyBase, upper: upper, recorder: recorder, effects: &effects,
                    tally: &tally)
                r0 += SIMD4<Double>.scalarCount
            }
        }
        return state.summary(tally)
    }
}
