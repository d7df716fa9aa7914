import Forecasting
import RatingsData

/// The coalition game of one district's sticking points on a `CoalitionBank`: per draw, the
/// year the district becomes advanced when a coalition is relaxed, and from it Shapley values,
/// single relaxations and bundles.
struct CoalitionGame {
    let bank: CoalitionBank
    let players: [DistrictAttribution.Player]

    var yearCount: Int { bank.base(lifted: 0).years.count }

    /// The components a coalition (bit i = player i) relaxes and the ceilings it lifts.
    func masks(coalition: Int) -> (relaxed: UInt64, lifted: UInt64) {
        var r: UInt64 = 0
        var l: UInt64 = 0
        for i in players.indices where coalition & (1 << i) != 0 {
            r |= players[i].relaxedMask
            l |= players[i].liftMask
        }
        return (r, l)
    }

    /// A bundle's masks in this district: its components (any, by short name) and the ceilings
    /// among them that hold here (others are skipped).
    func masks(of bundle: RelaxationBundle, framework fw: Framework) -> (relaxed: UInt64, lifted: UInt64) {
        var r: UInt64 = 0
        var l: UInt64 = 0
        for name in bundle.stickingPoints {
            if let k = fw.components.firstIndex(where: { $0.shortName == name }) { r |= 1 << UInt64(k) }
            if let j = bank.ceilings.firstIndex(of: name) { l |= 1 << UInt64(j) }
        }
        return (r, l)
    }

    /// Shapley values, single relaxations and the strict binding rule for every player.
    func values(district: String, decisive: [Double]?, seed: UInt64) -> [StickingPointValue] {
        let n = players.count
        guard n > 0 else { return [] }
        var tally = Tally(players: n)
        if n <= ShapleyValues.exactPlayerLimit {
            exactValues(into: &tally)
        } else {
            var rng = SeededGenerator(seed: mixKey([String(seed), "shapley", district]))
            for r in 0..<bank.draws {
                let index0 = index(draw: r, coalition: 0)
                let game = { (c: Int) -> SIMD2<Double> in self.payoff(self.index(draw: r, coalition: c), empty: index0)
                }
                let phi = ShapleyValues.sampled(
                    players: n, permutations: ShapleyValues.permutationsPerDraw, rng: &rng, value: game)
                tally.add(
                    phi: phi, empty: game(0), alone: (0..<n).map { game(1 << $0) }, advancedNone: index0 < yearCount)
            }
        }
        return tally.values(
            players, district: district, decisive: decisive, draws: bank.draws,
            framework: bank.forecaster.framework)
    }

    /// The game's two values for a draw: advanced by the horizon (0/1) and years gained over the empty coalition.
    @inline(__always) func payoff(_ index: Int, empty: Int) -> SIMD2<Double> {
        SIMD2(index < yearCount ? 1 : 0, Double(empty - index))
    }

    /// Every coalition of every draw, from bits gathered once per draw (the hot loop of attribution).
    func exactValues(into tally: inout Tally) {
        let n = players.count
        let size = 1 << n
        let years = yearCount
        let needed = bank.needed
        let masks = (0..<size).map { self.masks(coalition: $0) }
        let lifts = Array(Set(masks.map(\.lifted))).sorted()
        let liftSlot = masks.map { m in lifts.firstIndex(of: m.lifted)! }
        let runs = lifts.map { bank.base(lifted: $0) }
        let relaxed = bank.relaxed
        let weights = ShapleyValues.weights(players: n)
        var table = [SIMD2<Double>](repeating: .zero, count: size)
        // Relaxed run's year bits, then each lift's.
        var bits = [UInt64](repeating: 0, count: (lifts.count + 1) * years)
        for r in 0..<bank.draws {
            for yi in 0..<years {
                bits[yi] = relaxed.bits(draw: r, yearIndex: yi)
                for (j, run) in runs.enumerated() { bits[(j + 1) * years + yi] = run.bits(draw: r, yearIndex: yi) }
            }
            bits.withUnsafeBufferPointer { b in
                var index0 = years
                for c in 0..<size {
                    let relaxedMask = masks[c].relaxed
                    let base = (liftSlot[c] + 1) * years
                    var i = years
                    for yi in 0..<years
                    where ((b[yi] & relaxedMask) | (b[base + yi] & ~relaxedMask)).nonzeroBitCount >= needed {
                        i = yi
                        break
                    }
                    if c == 0 { index0 = i }
                    table[c] = payoff(i, empty: index0)
                }
            }
            tally.add(
                phi: ShapleyValues.exact(table, players: n, weights: weights), empty: table[0],
                alone: (0..<n).map { table[1 << $0] }, advancedNone: table[0].x > 0)
        }
    }

    /// The advanced-year index of draw r under a coalition.
    func index(draw r: Int, coalition c: Int) -> Int {
        let m = masks(coalition: c)
        return bank.advancedIndex(
            draw: r, relaxedMask: m.relaxed, relaxedRun: bank.relaxed, baseRun: bank.base(lifted: m.lifted))
    }

    /// The paired gains of relaxing a bundle.
    func bundleGain(_ name: String, relaxedMask: UInt64, liftMask: UInt64, district: String) -> BundleGain {
        let none = bank.unrelaxedIndices
        let relaxed = bank.advancedIndices(relaxedMask: relaxedMask, liftMask: liftMask)
        let count = yearCount
        let pGain = MonteCarloMean(zip(none, relaxed).map { Double(($1 < count ? 1 : 0) - ($0 < count ? 1 : 0)) })
        let years = MonteCarloMean(zip(none, relaxed).map { Double($0 - $1) })
        let draws = Double(bank.draws)
        return BundleGain(
            district: district, bundle: name,
            pAdvanced: Double(none.filter { $0 < count }.count) / draws,
            pRelaxed: Double(relaxed.filter { $0 < count }.count) / draws, pGain: pGain, yearsGained: years)
    }
}
