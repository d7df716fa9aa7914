import Forecasting
import RatingsData

/// One district's projections under every relaxation attribution asks about, on common random
/// numbers, so that any coalition of relaxed sticking points is assembled rather than re-run.
///
/// Why that is exact: with common random numbers a component's path depends only on its own
/// pace (relaxed or not) and on which ceilings hold on its elements — never on another
/// component. So the in-progress bits of a coalition "relax components R, lift ceilings L" are
/// the relaxed run's bits for the components in R and the "lift L" run's bits for the others.
/// A district needs 2^|ceilings| + 1 runs for every coalition (5 with the shipped two ceilings),
/// plus one run per extra pace tried by "what it would take".
final class CoalitionBank {
    let forecaster: DriftForecaster
    let plan: ScenarioPlan.DistrictPlan
    let horizon: Int
    let draws: Int
    let seed: UInt64
    /// Ids of the ceilings that hold in the district, in plan order: bit j of a lift mask is ceiling j.
    let ceilings: [String]
    /// Components in progress needed to be advanced.
    let needed: Int
    /// The benchmark pace per component (points/year).
    let benchmark: [Double]
    private var lifted: [UInt64: ComponentProgress] = [:]
    private var extra: [Int: ComponentProgress] = [:]
    /// Every component relaxed to its benchmark with no ceiling on its elements.
    private(set) lazy var relaxed: ComponentProgress = run(
        Relaxation(
            freedComponents: Set(0..<componentCount),
            paceFloor: Dictionary(uniqueKeysWithValues: benchmark.enumerated().map { ($0, $1) })))

    var componentCount: Int { forecaster.framework.components.count }

    /// Per draw, the advanced-year index with nothing relaxed (shared by every bundle and search).
    private(set) lazy var unrelaxedIndices: [Int] = advancedIndices(relaxedMask: 0, liftMask: 0)

    init(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, horizon: Int, draws: Int, seed: UInt64,
        ceilings: [String], benchmark: [Double]
    ) {
        forecaster = f
        self.plan = plan
        self.horizon = horizon
        self.draws = draws
        self.seed = seed
        self.ceilings = ceilings
        self.benchmark = benchmark
        needed = f.framework.advancedRule.minimumComponents(of: f.framework.components.count)
    }

    func run(_ relaxation: Relaxation) -> ComponentProgress {
        IntegerProjection.progress(forecaster, plan, horizon: horizon, draws: draws, seed: seed, relaxation: relaxation)
    }

    /// Nothing relaxed but the ceilings in `mask` lifted (mask 0: the scenario's own projection).
    func base(lifted mask: UInt64) -> ComponentProgress {
        if let p = lifted[mask] { return p }
        let ids = Set(ceilings.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { ceilings[$0] })
        let p = run(Relaxation(liftedCeilings: ids))
        lifted[mask] = p
        return p
    }

    /// Every component at its own pace plus `hundredths`/100 points a year, with no ceiling on its elements.
    func extraPace(hundredths: Int) -> ComponentProgress {
        if let p = extra[hundredths] { return p }
        let pace = Double(hundredths) / 100  // the same double a scenario's "extraPace": 0.12 parses to
        let p = run(
            Relaxation(
                freedComponents: Set(0..<componentCount),
                extraPace: Dictionary(uniqueKeysWithValues: (0..<componentCount).map { ($0, pace) })))
        extra[hundredths] = p
        return p
    }

    /// The projected-year index at which draw `r` first counts as advanced when the components in
    /// `relaxedMask` follow `relaxedRun` and the rest follow `baseRun`; `years.count` if never.
    @inline(__always)
    func advancedIndex(draw r: Int, relaxedMask: UInt64, relaxedRun: ComponentProgress, baseRun: ComponentProgress)
        -> Int
    {
        let n = baseRun.years.count
        let offset = r * n
        for yi in 0..<n {
            let bits = (relaxedRun.bits[offset + yi] & relaxedMask) | (baseRun.bits[offset + yi] & ~relaxedMask)
            if bits.nonzeroBitCount >= needed { return yi }
        }
        return n
    }

    /// Per draw, the advanced-year index (see `advancedIndex`) of the coalition (R, L) relaxed to the benchmark.
    func advancedIndices(relaxedMask: UInt64, liftMask: UInt64) -> [Int] {
        let b = base(lifted: liftMask)
        let rel = relaxed
        return (0..<draws).map { advancedIndex(draw: $0, relaxedMask: relaxedMask, relaxedRun: rel, baseRun: b) }
    }
}
