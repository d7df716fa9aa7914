import RatingsData

/// Seeded Monte Carlo projection of districts' ratings to a horizon under a scenario plan.
///
/// Scale: districts are independent, so they run in parallel (`Parallel.map`) and the result
/// does not depend on the thread count. Only one district's draws are held at a time per
/// thread; what is kept is the summary (`DistrictProjection`), never the paths.
public enum Projection {
    /// Which model draws the paths.
    public enum Model: String, CaseIterable, Sendable {
        /// Integer ratings from a latent pace that changes, with background events (`IntegerProjection`): the default.
        case integerPace = "integer-pace"
        /// The continuous walk clamped to the scale that shipped before (`ClampedWalkProjection`).
        case pooledDrift = "pooled-drift"
    }

    /// Which trajectory summaries to keep besides the advanced years (the cost of exact
    /// percentiles grows with districts × years × measures × draws).
    public enum Trajectories: String, CaseIterable, Sendable {
        /// Every component and the district score.
        case all
        /// The district score only.
        case district
        /// None: advanced years only (attribution reruns need nothing else).
        case none
    }

    /// Project every district of `plan` with `model`, in parallel on `threads` (nil: `Parallel.defaultThreads`);
    /// the result does not depend on the thread count. `progress` gets the share of districts done.
    public static func run(
        _ forecaster: DriftForecaster, plan: ScenarioPlan, draws: Int, seed: UInt64,
        scenario: String, trajectories: Trajectories = .all, threads: Int? = nil,
        model: Model = .integerPace, progress: ((Double) -> Void)? = nil
    ) -> ProjectionResult {
        let fw = forecaster.framework
        let out = Parallel.map(plan.districts.count, threads: threads, progress: progress) { i in
            project(
                forecaster, plan.districts[i], horizon: plan.horizon, draws: draws, seed: seed,
                trajectories: trajectories,
                model: model)
        }
        let measures: [String]
        switch trajectories {
        case .all: measures = fw.components.map(\.shortName) + ["district"]
        case .district: measures = ["district"]
        case .none: measures = []
        }
        return ProjectionResult(
            scenario: scenario, horizon: plan.horizon, draws: draws, seed: seed,
            measures: measures, districts: out)
    }

    /// Draw `count` standard normals four lanes at a time, as the projection's inner loop does,
    /// and return their sum (so the work cannot be optimised away): the benchmark's floor.
    public static func normalsBenchmark(count: Int, seed: UInt64 = 1) -> Double {
        let zig = ZigguratTable.normal
        var rng = SeededGenerator4(seeds: SIMD4(seed, seed &+ 1, seed &+ 2, seed &+ 3))
        var sum = SIMD4<Double>.zero
        for _ in 0..<(count / 4) { sum += rng.normal(zig) }
        return sum.sum()
    }

    /// Draw `count` year-to-year noise terms as the projection does (four 16-bit indices into
    /// `DiscretizedNormal` per 64-bit draw, four lanes) and return their sum: the benchmark's floor.
    public static func noiseBenchmark(count: Int, seed: UInt64 = 1) -> Double {
        let table = DiscretizedNormal.standard
        let perDraw = DiscretizedNormal.pointsPerDraw
        var rng = SeededGenerator4(seeds: SIMD4(seed, seed &+ 1, seed &+ 2, seed &+ 3))
        var sum = SIMD4<Double>.zero
        for _ in 0..<(count / (4 * perDraw)) {
            let bits = rng.next()
            for c in 0..<perDraw { sum += table.points(bits, field: c) }
        }
        return sum.sum()
    }

    /// Project one district with `model` (see `IntegerProjection` and `ClampedWalkProjection`).
    public static func project(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int,
        draws: Int, seed: UInt64, relaxation: Relaxation = .none,
        trajectories: Trajectories = .all, model: Model = .integerPace,
        recorder: PathRecorder? = nil
    ) -> DistrictProjection {
        switch model {
        case .integerPace:
            return IntegerProjection.project(
                f, plan, horizon: horizon, draws: draws, seed: seed, relaxation: relaxation,
                trajectories: trajectories, recorder: recorder)
        case .pooledDrift:
            return ClampedWalkProjection.project(
                f, plan, horizon: horizon, draws: draws, seed: seed, relaxation: relaxation,
                trajectories: trajectories, recorder: recorder)
        }
    }

    /// The random-stream key of a district: every draw's stream derives from it.
    static func districtKey(seed: UInt64, name: String) -> UInt64 { mixKey([String(seed), "district", name]) }

    /// Seed of a draw's stream under `key` (SplitMix64's increment spreads draws apart; the
    /// generator's SplitMix64 seeding then decorrelates neighbouring seeds).
    @inline(__always) static func drawSeed(_ key: UInt64, _ draw: Int) -> UInt64 {
        key ^ (UInt64(draw) &* 0x9E37_79B9_7F4A_7C15)
    }

}
