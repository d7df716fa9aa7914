import Forecasting
import RatingsData

/// The search behind "what it would take": the smallest extra pace, in hundredths of a point a
/// year, at which P(advanced by the target year) ≥ 0.5 on the bank's paired draws. P only grows
/// with the extra pace (a faster latent is never rated lower, draw by draw), so bisection over
/// the hundredths finds the smallest one; each pace tried is one projection, shared by every
/// component and bundle of the district.
struct PaceSearch {
    let bank: CoalitionBank
    let district: Int
    let targetYear: Int

    /// P(advanced by the target year) with the components in `relaxedMask` at `hundredths` extra
    /// (ceilings on their elements lifted) and the ceilings in `liftMask` lifted.
    func probability(hundredths: Int, relaxedMask: UInt64, liftMask: UInt64) -> Double {
        let base = bank.base(lifted: liftMask)
        let faster = relaxedMask == 0 ? base : bank.extraPace(hundredths: hundredths)  // nothing to speed up: no run
        let targetIndex = base.years.firstIndex(of: targetYear).map { $0 + 1 } ?? 0  // indices before it count
        var hits = 0
        for r in 0..<bank.draws
        where bank.advancedIndex(draw: r, relaxedMask: relaxedMask, relaxedRun: faster, baseRun: base) < targetIndex {
            hits += 1
        }
        return Double(hits) / Double(bank.draws)
    }

    func requirement(relaxed name: String, relaxedMask: UInt64, liftMask: UInt64, districtName: String)
        -> PaceRequirement
    {
        let f = bank.forecaster
        let n = f.framework.components.count
        let components = (0..<n).filter { relaxedMask & (1 << UInt64($0)) != 0 }
        let own = components.map { f.drift[district * n + $0] }
        let ownPace = own.isEmpty ? nil : own.reduce(0, +) / Double(own.count)
        // The bound: the extra pace that brings every relaxed component to the network's fastest fitted pace.
        let bound =
            components.map {
                RelaxationBenchmark.networkMax.pace(f, district: district, component: $0) - f.drift[district * n + $0]
            }
            .max() ?? 0
        let top = components.isEmpty ? 0 : max(0, Int((bound * 100).rounded(.up)))
        func p(_ h: Int) -> Double { probability(hundredths: h, relaxedMask: relaxedMask, liftMask: liftMask) }
        let targetIndex = bank.base(lifted: 0).years.firstIndex(of: targetYear).map { $0 + 1 } ?? 0
        let unrelaxed = Double(bank.unrelaxedIndices.filter { $0 < targetIndex }.count) / Double(bank.draws)
        if unrelaxed >= PaceRequirement.targetProbability {  // P only grows with relaxing: nothing is needed
            return PaceRequirement(
                district: districtName, relaxed: name, targetYear: targetYear, requiredPace: 0,
                ownPace: ownPace, reachable: true, pAtRequired: unrelaxed, pUnrelaxed: unrelaxed)
        }
        var row = PaceRequirement(
            district: districtName, relaxed: name, targetYear: targetYear, requiredPace: nil,
            ownPace: ownPace, reachable: false, pAtRequired: p(top), pUnrelaxed: unrelaxed)
        guard row.pAtRequired >= PaceRequirement.targetProbability else { return row }
        var lo = -1
        var hi = top  // p(hi) ≥ 0.5; p(lo) < 0.5 (−1 stands for "not even with nothing extra")
        var pHi = row.pAtRequired
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            let pm = p(mid)
            if pm >= PaceRequirement.targetProbability { (hi, pHi) = (mid, pm) } else { lo = mid }
        }
        row.requiredPace = Double(hi) / 100
        row.reachable = true
        row.pAtRequired = pHi
        return row
    }
}
