import Forecasting
import RatingsData

/// Shapley values of a small cooperative game, per Monte Carlo draw.
///
/// Players are bits of a coalition mask. A game gives two values per coalition at once (a
/// `SIMD2`: the gain in P(advanced by the horizon) as 0/1 for the draw, and the years gained),
/// so one pass serves both attributions. The estimate over draws is the mean of the per-draw
/// values, and its Monte Carlo error is their sd / √draws (`MonteCarloMean`). Per draw the values
/// sum exactly to v(all) − v(none) (efficiency), exact or sampled.
enum ShapleyValues {
    /// Up to this many players every coalition is evaluated (2^12 = 4,096 per draw); beyond, permutations are sampled.
    static let exactPlayerLimit = 12
    /// Random orders per draw when sampling (their spread enters the standard error through the per-draw values).
    static let permutationsPerDraw = 32

    /// w[s] = s!(n − s − 1)!/n!, the weight of a coalition of size s not holding the player.
    static func weights(players n: Int) -> [Double] {
        guard n > 0 else { return [] }
        var w = [Double](repeating: 0, count: n)
        for s in 0..<n {
            var x = 1.0 / Double(n)  // s!(n−s−1)!/n! = 1 / (n · C(n−1, s))
            for j in 0..<s { x *= Double(j + 1) / Double(n - 1 - j) }
            w[s] = x
        }
        return w
    }

    /// Exact Shapley values from the values of all 2^n coalitions (`game[mask]`).
    static func exact(_ game: [SIMD2<Double>], players n: Int, weights w: [Double]) -> [SIMD2<Double>] {
        var phi = [SIMD2<Double>](repeating: .zero, count: n)
        for mask in 0..<(1 << n) {
            let weight = w.isEmpty ? 0 : w[min(mask.nonzeroBitCount, n - 1)]
            for i in 0..<n where mask & (1 << i) == 0 {
                phi[i] += weight * (game[mask | (1 << i)] - game[mask])
            }
        }
        return phi
    }

    /// Shapley values estimated from `permutations` random orders of the players: each player's
    /// mean marginal contribution when it joins those before it.
    static func sampled(
        players n: Int, permutations m: Int, rng: inout SeededGenerator,
        value: (Int) -> SIMD2<Double>
    ) -> [SIMD2<Double>] {
        var phi = [SIMD2<Double>](repeating: .zero, count: n)
        var order = Array(0..<n)
        for _ in 0..<m {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            var mask = 0
            var previous = value(0)
            for i in order {
                mask |= 1 << i
                let current = value(mask)
                phi[i] += current - previous
                previous = current
            }
        }
        return phi.map { $0 / Double(m) }
    }
}
