/// The coalition game of one district's sticking points on a `CoalitionBank`: per draw, the
/// year the district becomes advanced when a coalition is relaxed, and from it Shapley values,
/// single relaxations and bundles.
struct CoalitionGame {
    let bank: CoalitionBank
    let players: [DistrictAttribution.Player]

    var yearCount: Int { bank.base(lifted: 0).years.count }

    /// The components a coalition (bit i = player i) relaxes and the ceilings it lifts.
    func masks(coalition: Int) -> (relaxed: UInt64, lifted: UInt64) {
        var r: UInt64 = 0, l: UInt64 = 0
        for i in players.indices where coalition & (1 << i) != 0 {
            r |= players[i].relaxedMask
            l |= players[i].liftMask
        }
        return (r, l)
    }

    /// A bundle's masks in this district: its components (any, by short name) and the ceilings
    /// among them that hold here (others are skipped).
    func masks(of bundle: RelaxationBundle, framework fw: Framework) -> (relaxed: UInt64, lifted: UInt64) {
        var r: UInt64 = 0, l: UInt64 = 0
        for name in bundle.stickingPoints {
            if let k = fw.components.firstIndex(where: { $0.shortName == name }) { r |= 1 << UInt64(k) }
            if let j = bank.ceilings.firstIndex(of: name) { l |= 1 << UInt64(j) }
        }
        return (r, l)
    }

    /// Shapley values, single relaxations and the strict binding rule for every player.
    func values(district: String, decisive: [Double]?, seed: UInt64) -> [StickingPointValue] {
        let n = players.count, count = yearCount
        guard n > 0 else { return [] }
        let exact = n <= ShapleyValues.exactPlayerLimit
        let coalitions = exact ? (0..<(1 << n)).map { masks(coalition: $0) } : []
        let runs = exact ? coalitions.map { bank.base(lifted: $0.lifted) } : []
        let weights = ShapleyValues.weights(players: n)
        var rng = SeededGenerator(seed: mixKey([String(seed), "shapley", district]))
        var table = [SIMD2<Double>](repeating: .zero, count: exact ? 1 << n : 0)
        var pAccum = [MonteCarloMean](repeating: MonteCarloMean(), count: n), yAccum = pAccum
        var alone = [[Double]](repeating: [], count: n), earlier = [Int](repeating: 0, count: n)
        var advancedNone = 0, advancedAlone = [Int](repeating: 0, count: n)
        for r in 0..<bank.draws {
            let index0 = index(draw: r, coalition: 0, coalitions: coalitions, runs: runs)
            func game(_ c: Int) -> SIMD2<Double> {
                let i = index(draw: r, coalition: c, coalitions: coalitions, runs: runs)
                return SIMD2(i < count ? 1 : 0, Double(index0 - i))
            }
            let phi: [SIMD2<Double>]
            if exact {
                for c in 0..<(1 << n) { table[c] = game(c) }
                phi = ShapleyValues.exact(table, players: n, weights: weights)
            } else {
                phi = ShapleyValues.sampled(players: n, permutations: ShapleyValues.permutationsPerDraw, rng: &rng, value: game)
            }
            if index0 < count { advancedNone += 1 }
            for i in 0..<n {
                pAccum[i].add(phi[i].x)
                yAccum[i].add(phi[i].y)
                let single = exact ? table[1 << i] : game(1 << i)
                alone[i].append(single.y)
                if single.y > 0 { earlier[i] += 1 }
                if single.x > 0 { advancedAlone[i] += 1 }
            }
        }
        let draws = Double(bank.draws), fw = bank.forecaster.framework
        return players.indices.map { i in
            let k = fw.components.firstIndex { $0.shortName == players[i].name }
            return StickingPointValue(
                district: district, stickingPoint: players[i].name, kind: players[i].kind,
                binding: Double(earlier[i]) / draws >= 0.5, pAdvanced: Double(advancedNone) / draws,
                pRelaxedAlone: Double(advancedAlone[i]) / draws, shapleyPGain: pAccum[i], shapleyYears: yAccum[i],
                yearsGained: QuantileSummary(alone[i]), pEarlier: Double(earlier[i]) / draws,
                decisiveShare: players[i].kind == .component ? k.flatMap { decisive?[$0] } ?? 0 : nil)
        }
    }

    /// The advanced-year index of draw r under a coalition (from the precomputed masks when given).
    func index(draw r: Int, coalition c: Int, coalitions: [(relaxed: UInt64, lifted: UInt64)],
               runs: [ComponentProgress]) -> Int {
        if !coalitions.isEmpty {
            return bank.advancedIndex(draw: r, relaxedMask: coalitions[c].relaxed, relaxedRun: bank.relaxed, baseRun: runs[c])
        }
        let m = masks(coalition: c)
        return bank.advancedIndex(draw: r, relaxedMask: m.relaxed, relaxedRun: bank.relaxed, baseRun: bank.base(lifted: m.lifted))
    }

    /// The paired gains of relaxing a bundle.
    func bundleGain(_ name: String, relaxedMask: UInt64, liftMask: UInt64, district: String) -> BundleGain {
        let none = bank.advancedIndices(relaxedMask: 0, liftMask: 0)
        let relaxed = bank.advancedIndices(relaxedMask: relaxedMask, liftMask: liftMask)
        let count = yearCount
        let pGain = MonteCarloMean(zip(none, relaxed).map { Double(($1 < count ? 1 : 0) - ($0 < count ? 1 : 0)) })
        let years = MonteCarloMean(zip(none, relaxed).map { Double($0 - $1) })
        let draws = Double(bank.draws)
        return BundleGain(district: district, bundle: name,
                          pAdvanced: Double(none.filter { $0 < count }.count) / draws,
                          pRelaxed: Double(relaxed.filter { $0 < count }.count) / draws, pGain: pGain, yearsGained: years)
    }
}
