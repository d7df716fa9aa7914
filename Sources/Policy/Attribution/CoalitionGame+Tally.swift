import Forecasting
import RatingsData

extension CoalitionGame {
    /// Per-player sums over draws: Shapley values (both games) and the single relaxations.
    struct Tally {
        var shapleyP: [MonteCarloMean]
        var shapleyYears: [MonteCarloMean]
        var aloneYears: [[Double]]
        var earlier: [Int]
        var advancedAlone: [Int]
        var advancedNone = 0

        init(players n: Int) {
            shapleyP = [MonteCarloMean](repeating: MonteCarloMean(), count: n)
            shapleyYears = shapleyP
            aloneYears = [[Double]](repeating: [], count: n)
            earlier = [Int](repeating: 0, count: n)
            advancedAlone = earlier
        }

        /// One draw: its Shapley values, the empty coalition's payoff and each player's alone.
        mutating func add(phi: [SIMD2<Double>], empty: SIMD2<Double>, alone: [SIMD2<Double>], advancedNone none: Bool) {
            if none { advancedNone += 1 }
            for i in phi.indices {
                shapleyP[i].add(phi[i].x)
                shapleyYears[i].add(phi[i].y)
                aloneYears[i].append(alone[i].y)
                if alone[i].y > 0 { earlier[i] += 1 }
                if alone[i].x > 0 { advancedAlone[i] += 1 }
            }
        }

        func values(
            _ players: [DistrictAttribution.Player], district: String, decisive: [Double]?, draws: Int,
            framework fw: Framework
        ) -> [StickingPointValue] {
            let n = Double(draws)
            return players.indices.map { i in
                let k = fw.components.firstIndex { $0.shortName == players[i].name }
                return StickingPointValue(
                    district: district, stickingPoint: players[i].name, kind: players[i].kind,
                    binding: Double(earlier[i]) / n >= 0.5, pAdvanced: Double(advancedNone) / n,
                    pRelaxedAlone: Double(advancedAlone[i]) / n, shapleyPGain: shapleyP[i],
                    shapleyYears: shapleyYears[i],
                    yearsGained: QuantileSummary(aloneYears[i]), pEarlier: Double(earlier[i]) / n,
                    decisiveShare: players[i].kind == .component ? k.flatMap { decisive?[$0] } ?? 0 : nil)
            }
        }
    }
}
